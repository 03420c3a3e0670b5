package vn.bantin.evidence.report;

/** What a report says about one expected ONCE broadcast. */
public enum BroadcastStatus {
    PLAYED(Measure.PLAYED),
    MISSED(Measure.MISSED),
    INTERRUPTED(Measure.INTERRUPTED),
    FAILED(Measure.FAILED),
    /** Due, delivered, and no record has arrived (yet). */
    UNREPORTED(Measure.UNREPORTED),
    /** The endpoint never fetched the timeline that held it. */
    NOT_DELIVERED(Measure.NOT_DELIVERED),
    /** The endpoint was offline when it was due. */
    OFFLINE(Measure.OFFLINE),
    /** The plan dropped it in favour of a higher broadcast (conflict). */
    DROPPED(Measure.DROPPED),
    /**
     * A live session the endpoint took was on the air when it was due (or cut it), and no record says it played to
     * its end: it yielded the air to the session. Still expected (the plan put it there), but excused: not counted
     * in the completion rate's denominator ({@link Figures#completionRate}), since the session's own row counts the
     * broadcast that took its place.
     */
    PREEMPTED_LIVE(Measure.PREEMPTED_LIVE);

    private final Measure measure;

    BroadcastStatus(Measure measure) {
        this.measure = measure;
    }

    public Measure measure() {
        return measure;
    }
}
