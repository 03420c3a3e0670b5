package vn.bantin.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineItem;
import vn.bantin.schedule.ScheduleInput;
import vn.bantin.schedule.TimelineCompiler;
import vn.bantin.store.Rendition;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Timelines point at the rendition for the endpoint's profile; no rendition, no airing")
class RenditionSwapTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    final Asset bulletin = new Asset(1, "a".repeat(64), "Bản tin", AssetKind.AUDIO, 5_000_000, 180_000, true, null);
    final Asset clip = new Asset(2, "b".repeat(64), "Video", AssetKind.VIDEO, 90_000_000, 30_000, true, null);
    final Rendition speech = new Rendition(1, "speaker-speech", "c".repeat(64), 1_440_000, 180_050, null, "mp3",
            null, null, -16.0, -2.1, 0, null);

    @Test
    @DisplayName("a speaker's item carries the speech rendition's hash, size and duration")
    void pointsAtRendition() {
        TimelineItem item = compile(EndpointKind.SPEAKER, Map.of(1L, speech)).entries().get(0).items().get(0);
        assertThat(item.sha256()).isEqualTo(speech.sha256());
        assertThat(item.sizeBytes()).isEqualTo(speech.sizeBytes());
        assertThat(item.durationMs()).isEqualTo(speech.durationMs());
    }

    @Test
    @DisplayName("an asset with no finished rendition for the profile is left out of the timeline")
    void noRenditionNoAiring() {
        assertThat(compile(EndpointKind.SPEAKER, Map.of()).entries()).isEmpty();
        assertThat(compile(EndpointKind.SCREEN, Map.of(1L, speech)).entries()).isEmpty();
    }

    @Test
    @DisplayName("a relay's fallback is the speaker rendition of the fallback asset; none ready: the gap stays silent")
    void relayFallbackIsTheRendition() {
        TimelineItem fallback = relay(Map.of(1L, speech)).items().get(0);
        assertThat(fallback.sha256()).isEqualTo(speech.sha256()).isNotEqualTo(bulletin.sha256());
        assertThat(fallback.sizeBytes()).isEqualTo(speech.sizeBytes());
        assertThat(fallback.durationMs()).isEqualTo(speech.durationMs());
        assertThat(relay(Map.of()).items()).isEmpty();
    }

    private vn.bantin.domain.TimelineEntry relay(Map<Long, Rendition> renditions) {
        Area commune = new Area(1, null, "Phường Hồng Hà", ZONE, null);
        Endpoint endpoint = new Endpoint(1, "Cụm loa 1", EndpointKind.SPEAKER, 1L, Set.of(), EndpointStatus.ACTIVE);
        vn.bantin.domain.LiveSource tinh = new vn.bantin.domain.LiveSource(7, "Đài tỉnh",
                "http://127.0.0.1:18100/tinh.mp3", null, 1L, bulletin, false, 0, 0);
        Slot slot = new Slot(1, SlotMode.STREAM, null, List.of(LocalDateTime.of(DAY, java.time.LocalTime.of(6, 0))),
                Duration.ofMinutes(30), Duration.ofMinutes(15), List.of(), tinh);
        Campaign c = new Campaign(1, "Tiếp sóng đài tỉnh", BroadcastClass.NORMAL, 0, DAY, DAY, true, 80, null,
                List.of(), List.of(slot), new Targets(Set.of(1L), Set.of(), Set.of()));
        List<Campaign> playable = RenditionSwap.apply(List.of(c), EndpointKind.SPEAKER, renditions);
        long from = DAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
        Timeline t = TimelineCompiler.compile(new ScheduleInput(List.of(commune), List.of(endpoint), playable, from,
                from + Duration.ofDays(1).toMillis())).timelines().get(1L);
        assertThat(t.entries()).hasSize(1);
        return t.entries().get(0);
    }

    private Timeline compile(EndpointKind kind, Map<Long, Rendition> renditions) {
        Area commune = new Area(1, null, "Phường Hồng Hà", ZONE, null);
        Endpoint endpoint = new Endpoint(1, "Cụm loa 1", kind, 1L, Set.of(), EndpointStatus.ACTIVE);
        Slot slot = new Slot(1, SlotMode.ONCE, null, List.of(LocalDateTime.of(DAY, java.time.LocalTime.of(6, 0))),
                null, Duration.ofMinutes(15), List.of());
        AssetKind wanted = kind == EndpointKind.SPEAKER ? AssetKind.AUDIO : AssetKind.VIDEO;
        Asset asset = wanted == AssetKind.AUDIO ? bulletin : clip;
        Campaign c = new Campaign(1, "Nghị quyết 57", BroadcastClass.NORMAL, 0, DAY, DAY, true, 80, null,
                List.of(new PlaylistItem(asset, asset.durationMs())), List.of(slot),
                new Targets(Set.of(1L), Set.of(), Set.of()));
        List<Campaign> playable = RenditionSwap.apply(List.of(c), kind, renditions);
        long from = DAY.atStartOfDay(ZONE).toInstant().toEpochMilli();
        return TimelineCompiler.compile(new ScheduleInput(List.of(commune), List.of(endpoint), playable, from,
                from + Duration.ofDays(1).toMillis())).timelines().get(1L);
    }
}
