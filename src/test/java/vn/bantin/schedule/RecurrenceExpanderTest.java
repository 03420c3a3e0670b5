package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceExpanderTest {

    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    @DisplayName("06:00 daily in Hồ Chí Minh is 23:00 UTC the day before")
    void dailyInVietnam() {
        List<Instant> starts = RecurrenceExpander.occurrences("0 6 * * *", List.of(), HCM,
                Instant.parse("2025-11-30T17:00:00Z"), Instant.parse("2025-12-03T17:00:00Z"));

        assertThat(starts).containsExactly(
                Instant.parse("2025-11-30T23:00:00Z"),
                Instant.parse("2025-12-01T23:00:00Z"),
                Instant.parse("2025-12-02T23:00:00Z"));
    }

    @Test
    @DisplayName("the window is half-open: a start at 'from' is in, a start at 'to' is out")
    void halfOpenWindow() {
        List<Instant> starts = RecurrenceExpander.occurrences("0 6 * * *", List.of(), HCM,
                Instant.parse("2025-11-30T23:00:00Z"), Instant.parse("2025-12-01T23:00:00Z"));

        assertThat(starts).containsExactly(Instant.parse("2025-11-30T23:00:00Z"));
    }

    @Test
    @DisplayName("a start in the spring-forward gap moves forward by the gap")
    void dstGap() {
        // 2025-03-09: New York clocks jump from 02:00 EST to 03:00 EDT
        List<Instant> starts = RecurrenceExpander.occurrences("30 2 * * *", List.of(), NEW_YORK,
                Instant.parse("2025-03-08T00:00:00Z"), Instant.parse("2025-03-11T00:00:00Z"));

        assertThat(starts).containsExactly(
                Instant.parse("2025-03-08T07:30:00Z"),
                Instant.parse("2025-03-09T07:30:00Z"),
                Instant.parse("2025-03-10T06:30:00Z"));
    }

    @Test
    @DisplayName("a start in the fall-back overlap fires once, at the earlier offset")
    void dstOverlap() {
        // 2025-11-02: New York clocks go back from 02:00 EDT to 01:00 EST
        List<Instant> starts = RecurrenceExpander.occurrences("30 1 * * *", List.of(), NEW_YORK,
                Instant.parse("2025-11-01T00:00:00Z"), Instant.parse("2025-11-04T00:00:00Z"));

        assertThat(starts).containsExactly(
                Instant.parse("2025-11-01T05:30:00Z"),
                Instant.parse("2025-11-02T05:30:00Z"),
                Instant.parse("2025-11-03T06:30:00Z"));
    }

    @Test
    @DisplayName("hourly starts across the gap stay sorted and unique")
    void hourlyAcrossGap() {
        List<Instant> starts = RecurrenceExpander.occurrences("0 * * * *", List.of(), NEW_YORK,
                Instant.parse("2025-03-09T05:00:00Z"), Instant.parse("2025-03-09T09:00:00Z"));

        // local 00:00, 01:00 EST; 02:00 does not exist (→ 03:00 EDT), then 03:00, 04:00 EDT
        assertThat(starts).containsExactly(
                Instant.parse("2025-03-09T05:00:00Z"),
                Instant.parse("2025-03-09T06:00:00Z"),
                Instant.parse("2025-03-09T07:00:00Z"),
                Instant.parse("2025-03-09T08:00:00Z"));
    }

    @Test
    @DisplayName("one-offs join the cron starts, sorted and without duplicates")
    void oneOffs() {
        Slot slot = new Slot(1, SlotMode.ONCE, "0 6 * * *",
                List.of(LocalDateTime.parse("2025-12-01T06:00"), LocalDateTime.parse("2025-12-01T14:15"),
                        LocalDateTime.parse("2025-12-09T08:00")),
                null, Duration.ofMinutes(15), List.of());

        List<Instant> starts = RecurrenceExpander.occurrences(slot, HCM,
                Instant.parse("2025-11-30T17:00:00Z"), Instant.parse("2025-12-01T17:00:00Z"));

        assertThat(starts).containsExactly(
                Instant.parse("2025-11-30T23:00:00Z"),
                Instant.parse("2025-12-01T07:15:00Z"));
    }

    @Test
    @DisplayName("a slot of one-offs only has no cron")
    void oneOffsOnly() {
        List<Instant> starts = RecurrenceExpander.occurrences(null, List.of(LocalDateTime.parse("2025-12-01T06:00")),
                HCM, Instant.parse("2025-11-30T17:00:00Z"), Instant.parse("2025-12-01T17:00:00Z"));

        assertThat(starts).containsExactly(Instant.parse("2025-11-30T23:00:00Z"));
    }

    @Test
    @DisplayName("weekdays only, every 30 minutes in the morning")
    void weekdayRanges() {
        List<Instant> starts = RecurrenceExpander.occurrences("0,30 6-7 * * 1-5", List.of(), HCM,
                Instant.parse("2025-12-05T17:00:00Z"), Instant.parse("2025-12-08T17:00:00Z"));

        // Sat 6 and Sun 7 December are skipped; Monday 8 December has four starts
        assertThat(starts).containsExactly(
                Instant.parse("2025-12-07T23:00:00Z"),
                Instant.parse("2025-12-07T23:30:00Z"),
                Instant.parse("2025-12-08T00:00:00Z"),
                Instant.parse("2025-12-08T00:30:00Z"));
    }

    @Test
    @DisplayName("day-of-month and day-of-week together mean either, as in Unix cron")
    void dayOfMonthOrDayOfWeek() {
        List<Instant> starts = RecurrenceExpander.occurrences("0 0 1 * 1", List.of(), ZoneId.of("UTC"),
                Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2025-10-15T00:00:00Z"));

        assertThat(starts).containsExactly(
                Instant.parse("2025-10-01T00:00:00Z"),
                Instant.parse("2025-10-06T00:00:00Z"),
                Instant.parse("2025-10-13T00:00:00Z"));
    }

    @Test
    @DisplayName("an invalid expression is refused")
    void invalidExpressionThrows() {
        assertThatThrownBy(() -> RecurrenceExpander.occurrences("0 6 * *", List.of(), HCM,
                Instant.EPOCH, Instant.EPOCH.plusSeconds(86_400)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
