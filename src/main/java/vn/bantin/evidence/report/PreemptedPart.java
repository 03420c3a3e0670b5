package vn.bantin.evidence.report;

/**
 * The airtime a live session took from one part of a LOOP or relay window ({@link LiveAir#takenFrom}): {@code part} is that
 * stretch of the window, with its share of the expected airtime; it counts as {@link Measure#LOOP_PREEMPTED_MS}.
 */
public record PreemptedPart(WindowPart part, long sessionId) {

    /** Adds the airtime it took up to {@code untilMs} to a cell. */
    public void addTo(Figures f, long untilMs) {
        f.add(Measure.LOOP_PREEMPTED_MS, part.msBefore(untilMs));
    }
}
