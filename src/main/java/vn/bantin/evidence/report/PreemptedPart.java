package vn.bantin.evidence.report;

/**
 * The airtime a live session or an alert took from one part of a LOOP or relay window ({@link LiveAir#takenFrom}):
 * {@code part} is that stretch of the window, with its share of the expected airtime; it counts as
 * {@link Measure#LOOP_PREEMPTED_MS} for a session, {@link Measure#LOOP_ALERT_MS} for an alert.
 *
 * @param byId the session's or the alert's id
 */
public record PreemptedPart(WindowPart part, Preemption.By by, long byId) {

    public Measure measure() {
        return by == Preemption.By.ALERT ? Measure.LOOP_ALERT_MS : Measure.LOOP_PREEMPTED_MS;
    }

    /** Adds the airtime it took up to {@code untilMs} to a cell. */
    public void addTo(Figures f, long untilMs) {
        f.add(measure(), part.msBefore(untilMs));
    }
}
