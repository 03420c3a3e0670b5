package vn.bantin.schedule;

import vn.bantin.domain.QuietHours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Daily quiet hours laid out as UTC intervals over a range, crossing midnight where they do. */
final class QuietWindows {

    private static final QuietWindows NONE = new QuietWindows(List.of());

    private final List<long[]> intervals;

    private QuietWindows(List<long[]> intervals) {
        this.intervals = intervals;
    }

    static QuietWindows none() {
        return NONE;
    }

    static QuietWindows of(QuietHours quiet, ZoneId zone, long fromMs, long toMs) {
        if (quiet == null || quiet.from().equals(quiet.to())) {
            return NONE;
        }
        List<long[]> intervals = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(toMs), zone).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(fromMs), zone).minusDays(1);
             !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate endDay = quiet.from().isBefore(quiet.to()) ? day : day.plusDays(1);
            long start = RecurrenceExpander.toInstant(day.atTime(quiet.from()), zone).toEpochMilli();
            long end = RecurrenceExpander.toInstant(endDay.atTime(quiet.to()), zone).toEpochMilli();
            intervals.add(new long[] {start, end});
        }
        return new QuietWindows(intervals);
    }

    boolean isEmpty() {
        return intervals.isEmpty();
    }

    boolean intersects(long start, long end) {
        for (long[] q : intervals) {
            if (q[0] < end && start < q[1]) {
                return true;
            }
        }
        return false;
    }

    /** [start, end) minus the quiet intervals, in order. */
    List<long[]> outside(long start, long end) {
        List<long[]> parts = new ArrayList<>();
        long t = start;
        for (long[] q : intervals) {
            if (q[1] <= t || q[0] >= end) {
                continue;
            }
            if (q[0] > t) {
                parts.add(new long[] {t, q[0]});
            }
            t = Math.max(t, q[1]);
        }
        if (t < end) {
            parts.add(new long[] {t, end});
        }
        return parts;
    }
}
