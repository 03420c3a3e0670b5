package vn.bantin.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * When a campaign plays: a 5-field Unix cron expression, or explicit local date-times, or both.
 * A LOOP slot's window is how long the playlist repeats from each start; a STREAM slot's window is how
 * long it relays {@code source}. Local times are in the time zone of the endpoint's area. The slot never
 * starts on an excluded local date (public holidays), whether the start comes from the cron expression
 * or from a one-off.
 *
 * @param source the live source a STREAM slot relays; null for ONCE and LOOP
 */
public record Slot(long id, SlotMode mode, String cron, List<LocalDateTime> oneOffs, Duration window,
                   Duration allowedDelay, List<LocalDate> excludedDates, LiveSource source) {

    public static final Duration DEFAULT_ALLOWED_DELAY = Duration.ofMinutes(15);

    public Slot {
        excludedDates = excludedDates == null ? List.of() : List.copyOf(excludedDates);
    }

    /** A slot that plays files (ONCE or LOOP). */
    public Slot(long id, SlotMode mode, String cron, List<LocalDateTime> oneOffs, Duration window,
                Duration allowedDelay, List<LocalDate> excludedDates) {
        this(id, mode, cron, oneOffs, window, allowedDelay, excludedDates, null);
    }
}
