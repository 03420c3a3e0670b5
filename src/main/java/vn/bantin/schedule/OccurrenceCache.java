package vn.bantin.schedule;

import vn.bantin.domain.Slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Occurrences of each distinct (cron, one-offs, exclusions, zone) over one range, expanded once. The
 * caches of the last few ranges are shared by every compilation: the timeline window starts at the
 * current day, so all compilations of a day (full or for a few endpoints) expand each slot only once.
 * An expansion depends on nothing but its key and the range, so sharing cannot change a result.
 */
final class OccurrenceCache {

    private static final int SHARED_RANGES = 4;

    private record Key(String cron, List<LocalDateTime> oneOffs, List<LocalDate> excluded, ZoneId zone) {
    }

    private record Range(long fromMs, long toMs) {
    }

    private static final Map<Range, OccurrenceCache> SHARED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Range, OccurrenceCache> eldest) {
            return size() > SHARED_RANGES;
        }
    };

    private final Instant from;
    private final Instant to;
    private final Map<Key, long[]> expanded = new ConcurrentHashMap<>();

    private OccurrenceCache(long fromMs, long toMs) {
        this.from = Instant.ofEpochMilli(fromMs);
        this.to = Instant.ofEpochMilli(toMs);
    }

    /** The shared cache of [fromMs, toMs). */
    static OccurrenceCache forRange(long fromMs, long toMs) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(new Range(fromMs, toMs), r -> new OccurrenceCache(r.fromMs(), r.toMs()));
        }
    }

    /** Occurrence starts in epoch ms, sorted; none for an invalid cron (the API refuses those on save). Read only. */
    long[] of(Slot slot, ZoneId zone) {
        Key key = new Key(slot.cron(), slot.oneOffs() == null ? List.of() : List.copyOf(slot.oneOffs()),
                slot.excludedDates(), zone);
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
