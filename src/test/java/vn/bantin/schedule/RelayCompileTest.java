package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.LiveSource;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.StreamRef;
import vn.bantin.domain.TimelineEntry;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.*;

@DisplayName("Timeline compiler: STREAM slots relay a live source in their window")
class RelayCompileTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"),
            quietArea(2, 1L, "Xã Bình Sơn", "21:30", "05:30"));
    private static final Asset FILLER = new Asset(50, sha("filler"), "nhạc chờ", AssetKind.AUDIO, 4000, min(3), true,
            null);
    private static final LiveSource TINH = new LiveSource(7, "Đài tỉnh", "http://127.0.0.1:8000/tinh.mp3", null, 1L,
            FILLER, false, 0, 0);

    private static Slot relay(long id, String cron, long windowMinutes, LiveSource source) {
        return new Slot(id, SlotMode.STREAM, cron, List.of(), Duration.ofMinutes(windowMinutes), null, List.of(), source);
    }

    private static Campaign relayCampaign(long id, BroadcastClass cls, Slot slot) {
        return campaign(id, cls, 0, List.of(), List.of(slot), toAreas(2L));
    }

    private static List<TimelineEntry> compile(List<Campaign> campaigns, List<vn.bantin.domain.Alert> alerts) {
        ScheduleInput input = new ScheduleInput(AREAS, List.of(speaker(10, 2L)), campaigns, alerts, at("00:00"),
                at(DAY.plusDays(1), "00:00"));
        return TimelineCompiler.compile(input).timelines().get(10L).entries();
    }

    @Test
    @DisplayName("06:00–06:30 daily: one STREAM entry with the source's URL and its fallback as the only item")
    void relayWindow() {
        List<TimelineEntry> entries = compile(List.of(relayCampaign(1, BroadcastClass.NORMAL,
                relay(11, "0 6 * * *", 30, TINH))), List.of());

        assertThat(entries).hasSize(1);
        TimelineEntry e = entries.get(0);
        assertThat(e.mode()).isEqualTo(SlotMode.STREAM);
        assertThat(e.startMs()).isEqualTo(at("06:00"));
        assertThat(e.endMs()).isEqualTo(at("06:30"));
        assertThat(e.stream()).isEqualTo(new StreamRef(TINH.url(), "Đài tỉnh", 7L, null, null));
        assertThat(e.items()).singleElement().satisfies(i -> assertThat(i.sha256()).isEqualTo(FILLER.sha256()));
        String json = new String(TimelineJson.toWireBytes("0123456789abcdef0123456789abcdef", 1, new vn.bantin.domain.Timeline(10, at("00:00"),
                at("23:00"), entries)), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(vn.bantin.support.ContractSchemas.violations("timeline.schema.json", json)).isEmpty();
        assertThat(json).contains("\"mode\":\"STREAM\"", "\"stream\":{\"url\":\"http://127.0.0.1:8000/tinh.mp3\","
                + "\"name\":\"Đài tỉnh\",\"sourceId\":7,\"liveSessionId\":null,\"epochMs\":null}");
    }

    @Test
    @DisplayName("a source without fallback relays with no items (silence in outages)")
    void silenceFallback() {
        LiveSource bare = new LiveSource(8, "Đài TNVN", "https://127.0.0.1/vov1.m3u8", null, null, null, false, 0, 0);
        List<TimelineEntry> entries = compile(List.of(relayCampaign(1, BroadcastClass.NORMAL,
                relay(11, "0 6 * * *", 30, bare))), List.of());

        assertThat(entries).singleElement().satisfies(e -> assertThat(e.items()).isEmpty());
    }

    @Test
    @DisplayName("a PRIORITY bulletin inside the window cuts the NORMAL relay in two")
    void bulletinCutsRelay() {
        Campaign bulletin = campaign(2, BroadcastClass.PRIORITY, 0, List.of(audio(20, 5)), List.of(once(21, "10 6 * * *")),
                toAreas(2L));
        List<TimelineEntry> entries = compile(List.of(relayCampaign(1, BroadcastClass.NORMAL,
                relay(11, "0 6 * * *", 30, TINH)), bulletin), List.of());

        assertThat(entries).extracting(TimelineEntry::mode).containsExactly(SlotMode.STREAM, SlotMode.ONCE,
                SlotMode.STREAM);
        assertThat(entries.get(0).endMs()).isEqualTo(at("06:10"));
        assertThat(entries.get(2).startMs()).isEqualTo(at("06:15"));
        assertThat(entries.get(2).stream()).isEqualTo(entries.get(0).stream());
    }

    @Test
    @DisplayName("an emergency alert preempts the relay: the relay stops at the alert and resumes after it")
    void alertPreemptsRelay() {
        Asset siren = new Asset(900, sha("siren"), "còi", AssetKind.AUDIO, 5000, min(3), true, null);
        var alert = AlertOverlayTest.alert(5, "06:05", 1, 0, null, siren, null, toAreas(2L));
        List<TimelineEntry> entries = compile(List.of(relayCampaign(1, BroadcastClass.NORMAL,
                relay(11, "0 6 * * *", 30, TINH))), List.of(alert));

        assertThat(entries).extracting(TimelineEntry::mode).containsExactly(SlotMode.STREAM, SlotMode.ONCE,
                SlotMode.STREAM);
        assertThat(entries.get(1).broadcastClass()).isEqualTo(BroadcastClass.EMERGENCY);
        assertThat(entries.get(0).endMs()).isEqualTo(at("06:05"));
        assertThat(entries.get(2).startMs()).isEqualTo(at("06:08"));
        assertThat(entries.get(2).stream().url()).isEqualTo(TINH.url());
        assertThat(entries.get(2).id()).isNotEqualTo(entries.get(0).id());
    }

    @Test
    @DisplayName("quiet hours cut a NORMAL relay on speakers, with a conflict saying so")
    void quietHoursCutRelay() {
        ScheduleInput input = new ScheduleInput(AREAS, List.of(speaker(10, 2L)), List.of(relayCampaign(1,
                BroadcastClass.NORMAL, relay(11, "0 5 * * *", 60, TINH))), List.of(), at("00:00"),
                at(DAY.plusDays(1), "00:00"));
        CompiledSchedule compiled = TimelineCompiler.compile(input);

        assertThat(compiled.timelines().get(10L).entries()).singleElement().satisfies(e -> {
            assertThat(e.startMs()).isEqualTo(at("05:30"));
            assertThat(e.endMs()).isEqualTo(at("06:00"));
        });
        assertThat(compiled.conflicts()).singleElement().satisfies(c ->
                assertThat(c.kind()).isEqualTo(Conflict.Kind.QUIET_HOURS));
    }

    @Test
    @DisplayName("a relay takes its window before same-class loops, which fill around it")
    void relayBeforeLoops() {
        Campaign loop = normal(3, List.of(audio(30, 4)), List.of(loop(31, "0 5 * * *", 120)), toAreas(2L));
        List<TimelineEntry> entries = compile(List.of(loop, relayCampaign(1, BroadcastClass.NORMAL,
                relay(11, "0 6 * * *", 30, TINH))), List.of());

        assertThat(entries).extracting(TimelineEntry::mode).containsExactly(SlotMode.LOOP, SlotMode.STREAM,
                SlotMode.LOOP);
        assertThat(entries.get(1).startMs()).isEqualTo(at("06:00"));
    }
}
