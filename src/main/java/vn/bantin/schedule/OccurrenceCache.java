package vn.bantin.schedule;

import vn.bantin.domain.Slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Occurrences of each distinct (cron, one-offs, exclusions, zone) over one range, expanded once per compilation. */
final class OccurrenceCache {

    private record Key(String cron, List<LocalDateTime> oneOffs, List<LocalDate> excluded, ZoneId zone) {
    }

    private final Instant from;
    private final Instant to;
    private final Map<Key, long[]> expanded = new ConcurrentHashMap<>();

    OccurrenceCache(long fromMs, long toMs) {
        this.from = Instant.ofEpochMilli(fromMs);
        this.to = Instant.ofEpochMilli(toMs);
    }

    /** Occurrence starts in epoch ms, sorted; none for an invalid cron (the API refuses those on save). */
    long[] of(Slot slot, ZoneId zone) {
        Key key = new Key(slot.cron(), slot.oneOffs() == null ? List.of() : slot.oneOffs(), slot.excludedDates(), zone);
        return expanded.computeIfAbsent(key, this::expand);
    }

    private long[] expand(Key key) {
        try {
            return RecurrenceExpander.occurrences(key.cron(), key.oneOffs(), key.excluded(), key.zone(), from, to).stream()
                    .mapToLong(Instant::toEpochMilli).toArray();
        } catch (IllegalArgumentException invalidCron) {
            return new long[0];
        }
    }
}
