package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.TimelineEntry;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.normal;
import static vn.bantin.schedule.Fixtures.speaker;
import static vn.bantin.schedule.Fixtures.toAreas;

/** Public holidays excluded from slots, and national days as one-offs with a time. */
class SlotDatesTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"), area(2, 1L, "Xã"));
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 9, 2);

    private static List<TimelineEntry> compile(Campaign campaign, LocalDate from, int days) {
        ScheduleInput input = new ScheduleInput(AREAS, List.of(speaker(50, 2L)), List.of(campaign),
                at(from, "00:00"), at(from.plusDays(days), "00:00"));
        return TimelineCompiler.compile(input).timelines().get(50L).entries();
    }

    @Test
    @DisplayName("a daily slot never fires on an excluded local date, one-offs on that date neither")
    void excludedDates() {
        Slot daily = new Slot(100, SlotMode.ONCE, "0 6 * * *", List.of(LocalDateTime.of(NATIONAL_DAY, java.time.LocalTime.of(9, 0))),
                null, Slot.DEFAULT_ALLOWED_DELAY, List.of(NATIONAL_DAY));
        List<TimelineEntry> entries = compile(normal(10, List.of(audio(1, 5)), List.of(daily), toAreas(1L)),
                NATIONAL_DAY.minusDays(1), 3);

        assertThat(entries).extracting(TimelineEntry::startMs)
                .containsExactly(at(NATIONAL_DAY.minusDays(1), "06:00"), at(NATIONAL_DAY.plusDays(1), "06:00"));
    }

    @Test
    @DisplayName("exclusion is by the local date of each start in the endpoint's zone, for loops too")
    void excludedLoopStart() {
        Slot evening = new Slot(100, SlotMode.LOOP, "0 20 * * *", List.of(), java.time.Duration.ofMinutes(60), null,
                List.of(NATIONAL_DAY));
        List<TimelineEntry> entries = compile(normal(10, List.of(audio(1, 5)), List.of(evening), toAreas(1L)),
                NATIONAL_DAY, 2);

        assertThat(entries).extracting(TimelineEntry::startMs).containsExactly(at(NATIONAL_DAY.plusDays(1), "20:00"));
    }

    @Test
    @DisplayName("18/5, 1/10 and 10/10 work as one-offs with a time, and nothing else fires")
    void nationalDaysAsOneOffs() {
        List<LocalDateTime> days = List.of(LocalDateTime.parse("2026-05-18T07:00"),
                LocalDateTime.parse("2026-10-01T07:30"), LocalDateTime.parse("2026-10-10T19:00"));
        Slot oneOffs = new Slot(100, SlotMode.ONCE, null, days, null, Slot.DEFAULT_ALLOWED_DELAY, List.of());
        List<TimelineEntry> entries = compile(normal(10, List.of(audio(1, 5)), List.of(oneOffs), toAreas(1L)),
                LocalDate.of(2026, 5, 1), 180);

        assertThat(entries).extracting(TimelineEntry::startMs).containsExactly(
                at(LocalDate.of(2026, 5, 18), "07:00"), at(LocalDate.of(2026, 10, 1), "07:30"),
                at(LocalDate.of(2026, 10, 10), "19:00"));
    }
}
