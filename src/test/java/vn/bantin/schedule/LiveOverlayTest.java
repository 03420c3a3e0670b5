package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Alert;
import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.EndpointState;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.*;

@DisplayName("Live overlay: live sessions take the air on the loudspeakers that took them")
class LiveOverlayTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"), area(2, 1L, "Xã Bình Sơn"));
    private static final long OPEN_END = min(120);
    private static final Asset SIREN = new Asset(900, sha("siren"), "còi", AssetKind.AUDIO, 5000, min(3), true, null);

    private static Timeline compiled(List<Campaign> campaigns, List<Alert> alerts) {
        return TimelineCompiler.compile(new ScheduleInput(AREAS, List.<Endpoint>of(speaker(50, 2L)), campaigns, alerts,
                at("00:00"), at(DAY.plusDays(1), "00:00"))).timelines().get(50L);
    }

    private static LiveSession live(long id, BroadcastClass c, String epoch, String ended, EndpointState state) {
        return new LiveSession(id, "Thông báo " + id, c, ended == null ? LiveSession.Status.ON_AIR
                : LiveSession.Status.ENDED, toAreas(2L), "xa.operator", at(epoch) - 1000, at(epoch),
                ended == null ? null : at(ended), null, "/live-" + id + ".ogg", null,
                List.of(new Reach(50, "Loa thôn 1", 2L, state, null, at(epoch))));
    }

    private static List<TimelineEntry> overlay(Timeline t, LiveSession... sessions) {
        List<TimelineEntry> entries = LiveOverlay.apply(t, List.of(sessions), OPEN_END, id -> "http://ice/live-" + id)
                .entries();
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).startMs()).as("no overlap").isGreaterThanOrEqualTo(entries.get(i - 1).endMs());
        }
        return entries;
    }

    @Test
    @DisplayName("an EMERGENCY session drops the bulletin it overlaps and cuts the loop, which resumes when it ends")
    void preemptsBulletinAndLoop() {
        Campaign loop = campaign(10, BroadcastClass.NORMAL, 0, List.of(audio(1, 2)), List.of(loop(1, "0 7 * * *", 60)),
                toAreas(2L));
        Campaign bulletin = normal(11, List.of(audio(2, 5)), List.of(onceAt(2, "2025-12-01T07:10")), toAreas(2L));
        Timeline plan = compiled(List.of(loop, bulletin), List.of());

        List<TimelineEntry> with = overlay(plan, live(4, BroadcastClass.EMERGENCY, "07:09", "07:20",
                EndpointState.PLAYING));

        assertThat(with).extracting(TimelineEntry::mode).containsExactly(SlotMode.LOOP, SlotMode.STREAM, SlotMode.LOOP);
        TimelineEntry stream = with.get(1);
        assertThat(stream.startMs()).isEqualTo(at("07:09"));
        assertThat(stream.endMs()).as("the session's end cuts the entry").isEqualTo(at("07:20"));
        assertThat(stream.stream().epochMs()).isEqualTo(at("07:09"));
        assertThat(stream.stream().liveSessionId()).isEqualTo(4);
        assertThat(stream.stream().url()).isEqualTo("http://ice/live-4");
        assertThat(stream.id()).isEqualTo(LiveOverlay.entryId(50, 4));
        assertThat(stream.items()).isEmpty();
        assertThat(with.get(2).startMs()).as("back to the timeline").isEqualTo(at("07:20"));
        assertThat(with.get(2).anchorMs()).isEqualTo(at("07:00"));
    }

    @Test
    @DisplayName("a session still on air is planned to the open end; a refusing loudspeaker gets nothing")
    void openAndRefused() {
        Timeline plan = compiled(List.of(), List.of());
        TimelineEntry open = overlay(plan, live(5, BroadcastClass.NORMAL, "09:00", null, EndpointState.WAITING))
                .get(0);
        assertThat(open.endMs()).isEqualTo(at("09:00") + OPEN_END);
        assertThat(open.broadcastClass()).isEqualTo(BroadcastClass.NORMAL);
        assertThat(overlay(plan, live(6, BroadcastClass.NORMAL, "09:00", null, EndpointState.REFUSED))).isEmpty();
    }

    @Test
    @DisplayName("a PRIORITY session gives way to an EMERGENCY alert and continues after it")
    void givesWayToEmergency() {
        Alert storm = AlertOverlayTest.alert(7, "10:05", 1, 0, null, SIREN, null, toAreas(1L));
        Timeline plan = compiled(List.of(), List.of(storm));
        List<TimelineEntry> with = overlay(plan, live(8, BroadcastClass.PRIORITY, "10:00", "10:30",
                EndpointState.PLAYING));
        assertThat(with).extracting(TimelineEntry::mode).containsExactly(SlotMode.STREAM, SlotMode.ONCE, SlotMode.STREAM);
        assertThat(with.get(0).endMs()).isEqualTo(at("10:05"));
        assertThat(with.get(1).broadcastClass()).isEqualTo(BroadcastClass.EMERGENCY);
        assertThat(with.get(2).startMs()).isEqualTo(at("10:08"));
        assertThat(with.get(2).endMs()).isEqualTo(at("10:30"));
        assertThat(with).extracting(TimelineEntry::id).doesNotHaveDuplicates();
    }
}
