package vn.bantin.demo;

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
import vn.bantin.domain.LiveSource;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.process.ExternalProcess;
import vn.bantin.schedule.CompiledSchedule;
import vn.bantin.schedule.ScheduleInput;
import vn.bantin.schedule.TimelineCompiler;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Demo plan: whenever the demo is seeded, every relay window airs whole, between two bulletins")
class DemoPlanTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final long COMMUNE = 2;
    private static final long HAMLET = 3;
    private static final long SPEAKER = 10;
    private static final List<Area> AREAS = List.of(new Area(1, null, "Tỉnh", ZONE, null),
            new Area(COMMUNE, 1L, "Xã", null, null), new Area(HAMLET, COMMUNE, "Thôn", null, null));

    @Test
    @DisplayName("seeded at any second of an hour: first bulletin within the first minute, first relay within 90 s,"
            + " the compiled loudspeaker timeline has no conflict and each 3-minute relay window is one entry")
    void noOverlapAtAnySecond() throws Exception {
        List<PlaylistItem> bulletins = List.of(item(20, "media/demo/ban-tin-sang-nq57.mp3"),
                item(21, "media/demo/ban-tin-binh-dan-hoc-vu-so.mp3"));
        assertThat(bulletins.stream().mapToLong(PlaylistItem::durationMs).sum())
                .as("the demo bulletins fit the plan's bound").isLessThanOrEqualTo(DemoPlan.BULLETIN_SECONDS * 1000L);
        LocalDateTime hour = LocalDateTime.of(2026, 12, 2, 9, 0);
        // 3,600 compilations: spread over the machine's cores (the compiler is a pure function of its input)
        IntStream.range(0, 3600).parallel().forEach(s -> {
            LocalDateTime now = hour.plusSeconds(s);
            DemoPlan plan = DemoPlan.at(now);
            assertThat(Duration.between(now, plan.firstBulletin()).toSeconds()).as("%s", now).isBetween(30L, 60L);
            assertThat(Duration.between(now, plan.firstRelay()).toSeconds()).as("%s", now).isBetween(60L, 90L);

            long from = ms(now);
            long to = from + Duration.ofHours(2).toMillis();
            CompiledSchedule compiled = TimelineCompiler.compile(new ScheduleInput(AREAS, List.of(new Endpoint(SPEAKER,
                    "Cụm loa", EndpointKind.SPEAKER, HAMLET, Set.of(), EndpointStatus.ACTIVE)),
                    List.of(bulletinCampaign(plan, bulletins), relayCampaign(plan)), from, to));
            assertThat(compiled.conflicts()).as("seeded at %s", now).isEmpty();
            List<TimelineEntry> entries = compiled.timelines().get(SPEAKER).entries();
            List<TimelineEntry> relays = entries.stream().filter(e -> e.mode() == SlotMode.STREAM).toList();
            assertThat(relays).as("seeded at %s: %s", now, entries).hasSize(3)
                    .allSatisfy(r -> assertThat(r.endMs() - r.startMs()).isEqualTo(Duration.ofMinutes(3).toMillis()));
            assertThat(relays.get(0).startMs()).isEqualTo(ms(plan.firstRelay()));
            assertThat(entries.stream().filter(e -> e.mode() == SlotMode.ONCE && e.startMs() >= from).count())
                    .as("seeded at %s: the first bulletin and 24 of every 5 minutes, two files each, none delayed", now)
                    .isEqualTo(2 * 25);
        });
    }

    private static Campaign bulletinCampaign(DemoPlan plan, List<PlaylistItem> bulletins) {
        Slot slot = new Slot(1, SlotMode.ONCE, plan.bulletinCron(), List.of(plan.firstBulletin()), null,
                Slot.DEFAULT_ALLOWED_DELAY, List.of());
        return campaign(1, "Bản tin", BroadcastClass.PRIORITY, bulletins, slot, COMMUNE);
    }

    private static Campaign relayCampaign(DemoPlan plan) {
        LiveSource station = new LiveSource(7, DemoStation.NAME, "http://127.0.0.1:8000/dai-tinh.ogg", null, null,
                null, false, 0, 0);
        Slot slot = new Slot(2, SlotMode.STREAM, plan.relayCron(), List.of(plan.firstRelay()),
                Duration.ofMinutes(DemoPlan.RELAY_MINUTES), null, List.of(), station);
        return campaign(2, "Tiếp sóng Đài tỉnh", BroadcastClass.NORMAL, List.of(), slot, HAMLET);
    }

    private static Campaign campaign(long id, String name, BroadcastClass cls, List<PlaylistItem> playlist, Slot slot,
                                     long area) {
        return new Campaign(id, name, cls, 0, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), true, 80, "demo",
                playlist, List.of(slot), new Targets(Set.of(area), Set.of(), Set.of()));
    }

    private static PlaylistItem item(long id, String file) throws Exception {
        ExternalProcess.Result probe = ExternalProcess.of(List.of("ffprobe", "-v", "error", "-show_entries",
                "format=duration", "-of", "csv=p=0", file)).timeout(Duration.ofSeconds(20)).run();
        assertThat(probe.exitCode()).as(probe.stderr()).isZero();
        long ms = Math.round(Double.parseDouble(probe.stdout().strip()) * 1000);
        String sha = String.format("%064x", id);
        return new PlaylistItem(new Asset(id, sha, file, AssetKind.AUDIO, 1000, ms, true, null), ms);
    }

    private static long ms(LocalDateTime local) {
        return local.atZone(ZONE).toInstant().toEpochMilli();
    }
}
