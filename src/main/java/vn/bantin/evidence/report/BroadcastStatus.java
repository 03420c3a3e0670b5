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
    DROPPED(Measure.DROPPED);

    private final Measure measure;

    BroadcastStatus(Measure measure) {
        this.measure = measure;
    }

    public Measure measure() {
        return measure;
    }
}
