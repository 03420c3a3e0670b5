package vn.bantin.evidence.report;

/**
 * The counters a report adds up, one column each in the rollup tables. Plan measures come from what was
 * expected (and so only count once due); record measures from what the devices testified.
 *
 * <p>ONCE broadcasts are counted by their report status, each expected broadcast exactly once, so
 * expected = the sum of the nine status measures.
 */
public enum Measure {
    PLAYED("once_played", true),
    MISSED("once_missed", true),
    INTERRUPTED("once_interrupted", true),
    FAILED("once_failed", true),
    UNREPORTED("once_unreported", true),
    NOT_DELIVERED("once_not_delivered", true),
    OFFLINE("once_offline", true),
    DROPPED("once_dropped", true),
    /** Planned broadcasts a live session took the air from (see {@link BroadcastStatus#PREEMPTED_LIVE}). */
    PREEMPTED_LIVE("once_preempted", true),
    /** Actual playback of every record (ONCE, LOOP, alerts), split at local midnight. */
    AIRTIME_MS("airtime_ms", false),
    /** Records stored, whatever their outcome. */
    RECORDS("records", false),
    /** Records with outcome PLAYED: what "aired" means for coverage. */
    PLAYED_RECORDS("played_records", false),
    /** Length of the LOOP windows the plan put on the endpoint, split at local midnight. */
    LOOP_EXPECTED_MS("loop_expected_ms", true),
    /** The part of LOOP_EXPECTED_MS on timelines the endpoint never fetched. */
    LOOP_NOT_DELIVERED_MS("loop_not_delivered_ms", true),
    /** The part of LOOP_EXPECTED_MS live sessions the endpoint took held the air over ({@link LiveAir}). */
    LOOP_PREEMPTED_MS("loop_preempted_ms", true),
    /** The part of LOOP_EXPECTED_MS EMERGENCY alerts the endpoint played held the air over ({@link LiveAir}). */
    LOOP_ALERT_MS("loop_alert_ms", true),
    LOOP_PLAYED_MS("loop_played_ms", false),
    LOOP_ITEM_PLAYS("loop_item_plays", false),
    LOOP_MISSED("loop_missed", false),
    LOOP_INTERRUPTED("loop_interrupted", false),
    LOOP_FAILED("loop_failed", false);

    private final String column;
    private final boolean fromPlan;

    Measure(String column, boolean fromPlan) {
        this.column = column;
        this.fromPlan = fromPlan;
    }

    public String column() {
        return column;
    }

    public boolean fromPlan() {
        return fromPlan;
    }
}
