package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.TimelineEntry;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.DAY;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.campaign;
import static vn.bantin.schedule.Fixtures.onceAt;
import static vn.bantin.schedule.Fixtures.oneDay;
import static vn.bantin.schedule.Fixtures.quietArea;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.speaker;
import static vn.bantin.schedule.Fixtures.toAreas;
import static vn.bantin.schedule.Fixtures.video;

class ConflictResolutionTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"), area(2, 1L, "Xã"));

    private static CompiledSchedule compile(Campaign... campaigns) {
        return TimelineCompiler.compile(oneDay(AREAS, List.of(speaker(50, 2L)), List.of(campaigns)));
    }

    private static Campaign bulletin(long id, BroadcastClass cls, int rank, String time, long minutes) {
        return campaign(id, cls, rank, List.of(audio(id, minutes)), List.of(onceAt(id * 10, DAY + "T" + time)),
                toAreas(1L));
    }

    @Test
    @DisplayName("the lower bulletin is made next after the higher one, within its allowed delay")
    void makeNext() {
        CompiledSchedule compiled = compile(
                bulletin(10, BroadcastClass.NORMAL, 0, "06:02", 5),
                bulletin(11, BroadcastClass.PRIORITY, 0, "06:00", 10));

        assertThat(compiled.timelines().get(50L).entries())
                .extracting(TimelineEntry::campaignId, TimelineEntry::startMs, TimelineEntry::endMs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(11L, at("06:00"), at("06:10")),
                        org.assertj.core.groups.Tuple.tuple(10L, at("06:10"), at("06:15")));
        assertThat(compiled.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.DELAYED);
            assertThat(c.endpointId()).isEqualTo(50);
            assertThat(c.campaignId()).isEqualTo(10);
            assertThat(c.slotId()).isEqualTo(100);
            assertThat(c.occurrenceStartMs()).isEqualTo(at("06:02"));
            assertThat(c.reason()).contains("8 phút").contains("Chiến dịch 11");
        });
    }

    @Test
    @DisplayName("within a class the higher rank keeps its time")
    void rankWithinClass() {
        CompiledSchedule compiled = compile(
                bulletin(10, BroadcastClass.NORMAL, 1, "06:00", 5),
                bulletin(11, BroadcastClass.NORMAL, 7, "06:00", 5));

        assertThat(compiled.timelines().get(50L).entries()).extracting(TimelineEntry::campaignId)
                .containsExactly(11L, 10L);
    }

    @Test
    @DisplayName("a bulletin that would be delayed beyond its allowed delay is dropped and reported")
    void dropBeyondAllowedDelay() {
        CompiledSchedule compiled = compile(
                bulletin(10, BroadcastClass.NORMAL, 0, "06:01", 5),
                bulletin(11, BroadcastClass.EMERGENCY, 0, "06:00", 20));

        assertThat(compiled.timelines().get(50L).entries()).extracting(TimelineEntry::campaignId).containsExactly(11L);
        assertThat(compiled.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Conflict.Kind.DROPPED);
            assertThat(c.campaignId()).isEqualTo(10);
            assertThat(c.reason()).contains("19 phút").contains("15");
        });
    }

    @Test
    @DisplayName("a slot's own allowed delay counts, not the default")
    void slotAllowedDelay() {
        Campaign patient = campaign(10, BroadcastClass.NORMAL, 0, List.of(audio(10, 5)),
                List.of(new Slot(100, SlotMode.ONCE, null, List.of(LocalDateTime.parse(DAY + "T06:01")), null,
                        Duration.ofMinutes(30), List.of())), toAreas(1L));

        CompiledSchedule compiled = compile(patient, bulletin(11, BroadcastClass.EMERGENCY, 0, "06:00", 20));

        assertThat(compiled.timelines().get(50L).entries()).extracting(TimelineEntry::startMs)
                .containsExactly(at("06:00"), at("06:20"));
    }

    @Test
    @DisplayName("quiet hours across midnight keep NORMAL/PRIORITY audio off speakers, not EMERGENCY, not screens")
    void quietHoursAcrossMidnight() {
        List<Area> areas = List.of(quietArea(1, null, "Tỉnh", "21:30", "05:30"), area(2, 1L, "Xã"));
        Campaign late = bulletin(10, BroadcastClass.PRIORITY, 0, "22:00", 5);
        Campaign early = bulletin(11, BroadcastClass.NORMAL, 0, "05:00", 5);
        Campaign morning = bulletin(12, BroadcastClass.NORMAL, 0, "06:00", 5);
        Campaign storm = bulletin(13, BroadcastClass.EMERGENCY, 0, "23:00", 5);
        Campaign screenLate = campaign(14, BroadcastClass.NORMAL, 0, List.of(video(14, 5)),
                List.of(onceAt(140, DAY + "T22:30")), toAreas(1L));

        CompiledSchedule compiled = TimelineCompiler.compile(oneDay(areas, List.of(speaker(50, 2L), screen(60, 2L)),
                List.of(late, early, morning, storm, screenLate)));

        assertThat(compiled.timelines().get(50L).entries()).extracting(TimelineEntry::campaignId)
                .containsExactly(12L, 13L);
        assertThat(compiled.timelines().get(60L).entries()).extracting(TimelineEntry::campaignId)
                .containsExactly(14L);
        assertThat(compiled.conflicts()).extracting(Conflict::campaignId, Conflict::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(11L, Conflict.Kind.QUIET_HOURS),
                org.assertj.core.groups.Tuple.tuple(10L, Conflict.Kind.QUIET_HOURS));
        assertThat(compiled.conflicts().get(0).reason()).contains("21:30–05:30").contains("Tỉnh");
    }

    @Test
    @DisplayName("a bulletin ending inside quiet hours is dropped too")
    void bulletinRunningIntoQuietHours() {
        List<Area> areas = List.of(quietArea(1, null, "Tỉnh", "21:30", "05:30"), area(2, 1L, "Xã"));
        Campaign late = bulletin(10, BroadcastClass.NORMAL, 0, "21:25", 10);

        CompiledSchedule compiled = TimelineCompiler.compile(oneDay(areas, List.of(speaker(50, 2L)), List.of(late)));

        assertThat(compiled.timelines().get(50L).entries()).isEmpty();
        assertThat(compiled.conflicts()).extracting(Conflict::kind).containsExactly(Conflict.Kind.QUIET_HOURS);
    }

    @Test
    @DisplayName("a dense, random-ish schedule gives sorted, non-overlapping entries inside the rules")
    void denseScheduleInvariants() {
        Random random = new Random(42);
        List<Campaign> campaigns = new ArrayList<>();
        for (int id = 1; id <= 60; id++) {
            BroadcastClass cls = BroadcastClass.values()[random.nextInt(3)];
            List<PlaylistItem> playlist = List.of(video(id * 10L, 1 + random.nextInt(7)),
                    video(id * 10L + 1, 1 + random.nextInt(3)), audio(id * 10L + 2, 1 + random.nextInt(5)));
            String cron = random.nextInt(60) + " " + random.nextInt(24) + "," + random.nextInt(24) + " * * *";
            Slot slot = random.nextBoolean()
                    ? new Slot(id, SlotMode.ONCE, cron, List.of(), null, Duration.ofMinutes(random.nextInt(20)), List.of())
                    : new Slot(id, SlotMode.LOOP, cron, List.of(), Duration.ofMinutes(30 + random.nextInt(240)), null, List.of());
            campaigns.add(campaign(id, cls, random.nextInt(4), playlist, List.of(slot), toAreas(1L)));
        }
        List<Endpoint> endpoints = List.of(screen(60, 2L), speaker(50, 2L));
        ScheduleInput input = new ScheduleInput(AREAS, endpoints, campaigns, at("00:00"), at(DAY.plusDays(3), "00:00"));

        CompiledSchedule compiled = TimelineCompiler.compile(input);

        for (Endpoint endpoint : endpoints) {
            List<TimelineEntry> entries = compiled.timelines().get(endpoint.id()).entries();
            assertThat(entries).isNotEmpty();
            for (int i = 0; i < entries.size(); i++) {
                TimelineEntry e = entries.get(i);
                assertThat(e.startMs()).isLessThan(e.endMs());
                assertThat(e.items()).allSatisfy(item -> assertThat(endpoint.kind().accepts(item.kind())).isTrue());
                if (e.mode() == SlotMode.ONCE) {
                    assertThat(e.items()).hasSize(1);
                    assertThat(e.endMs() - e.startMs()).isEqualTo(e.items().get(0).durationMs());
                } else {
                    assertThat(e.anchorMs()).isLessThanOrEqualTo(e.startMs());
                    assertThat(e.startMs()).isGreaterThanOrEqualTo(input.fromMs());
                    assertThat(e.endMs()).isLessThanOrEqualTo(input.toMs());
                }
                if (i > 0) {
                    assertThat(e.startMs()).isGreaterThanOrEqualTo(entries.get(i - 1).endMs());
                }
            }
            assertThat(entries).extracting(TimelineEntry::id).doesNotHaveDuplicates();
        }
        assertThat(compiled.conflicts()).extracting(Conflict::kind).contains(Conflict.Kind.DROPPED);
    }
}
