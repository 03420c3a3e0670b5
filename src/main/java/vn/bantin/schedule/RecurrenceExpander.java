package vn.bantin.schedule;

import com.cronutils.model.time.ExecutionTime;
import vn.bantin.domain.Slot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Occurrences of a slot: its cron expression is evaluated on local wall-clock time, then each local
 * time is placed in the zone. A local time in a DST gap moves forward by the gap (02:30 → 03:30); a
 * local time that happens twice (DST overlap) fires once, at the earlier offset.
 */
public final class RecurrenceExpander {

    /** Wider than any UTC offset change, so local times near the window edges are not missed. */
    private static final Duration EDGE_MARGIN = Duration.ofHours(6);

    private RecurrenceExpander() {
    }

    /** Starts of {@code slot} in [from, to), sorted, without duplicates, none on its excluded local dates. */
    public static List<Instant> occurrences(Slot slot, ZoneId zone, Instant from, Instant to) {
        return occurrences(slot.cron(), slot.oneOffs(), slot.excludedDates(), zone, from, to);
    }

    /** As {@link #occurrences(String, List, ZoneId, Instant, Instant)}, without starts on excluded local dates. */
    public static List<Instant> occurrences(String cron, List<LocalDateTime> oneOffs, Collection<LocalDate> excluded,
                                            ZoneId zone, Instant from, Instant to) {
        List<Instant> starts = occurrences(cron, oneOffs, zone, from, to);
        if (excluded == null || excluded.isEmpty()) {
            return starts;
        }
        Set<LocalDate> skip = new HashSet<>(excluded);
        starts.removeIf(start -> skip.contains(LocalDate.ofInstant(start, zone)));
        return starts;
    }

    /**
     * @throws IllegalArgumentException when {@code cron} is not a valid 5-field Unix expression
     *                                  (see {@link CronValidator#problem(String)})
     */
    public static List<Instant> occurrences(String cron, List<LocalDateTime> oneOffs, ZoneId zone,
                                            Instant from, Instant to) {
        TreeSet<Instant> starts = new TreeSet<>();
        if (cron != null && !cron.isBlank()) {
            expandCron(Crons.executionTime(cron), zone, from, to, starts);
        }
        if (oneOffs != null) {
            for (LocalDateTime local : oneOffs) {
                Instant start = toInstant(local, zone);
                if (!start.isBefore(from) && start.isBefore(to)) {
                    starts.add(start);
                }
            }
        }
        return new ArrayList<>(starts);
    }

    /** The instant of a local wall-clock time: gap times move forward, overlap times take the earlier offset. */
    public static Instant toInstant(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static void expandCron(ExecutionTime cron, ZoneId zone, Instant from, Instant to,
                                   TreeSet<Instant> starts) {
        LocalDateTime localFrom = LocalDateTime.ofInstant(from.minus(EDGE_MARGIN), zone);
        LocalDateTime localTo = LocalDateTime.ofInstant(to.plus(EDGE_MARGIN), zone);
        ZonedDateTime cursor = localFrom.truncatedTo(ChronoUnit.MINUTES).minusSeconds(1).atZone(ZoneOffset.UTC);
        while (true) {
            Optional<ZonedDateTime> next = cron.nextExecution(cursor);
            if (next.isEmpty() || !next.get().toLocalDateTime().isBefore(localTo)) {
                return;
            }
            cursor = next.get();
            Instant start = toInstant(cursor.toLocalDateTime(), zone);
            if (!start.isBefore(from) && start.isBefore(to)) {
                starts.add(start);
            }
        }
    }
}
