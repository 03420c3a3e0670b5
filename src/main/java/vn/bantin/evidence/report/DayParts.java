package vn.bantin.evidence.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Splits a span of time at local midnights, so each local date gets its own part. */
public final class DayParts {

    public record Part(LocalDate day, long startMs, long endMs) {
        public long lengthMs() {
            return endMs - startMs;
        }
    }

    private DayParts() {
    }

    public static LocalDate dayOf(long ms, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(ms), zone);
    }

    /** The parts of [startMs, endMs); empty when the span is empty. */
    public static List<Part> of(long startMs, long endMs, ZoneId zone) {
        List<Part> parts = new ArrayList<>(1);
        long from = startMs;
        while (from < endMs) {
            LocalDate day = dayOf(from, zone);
            long nextMidnight = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            long to = Math.min(endMs, nextMidnight);
            parts.add(new Part(day, from, to));
            from = to;
        }
        return parts;
    }
}
