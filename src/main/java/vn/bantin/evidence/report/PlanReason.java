package vn.bantin.evidence.report;

/**
 * Why an expected broadcast may have no record, as the evidence classification says; it only shows when
 * no record arrived, since a record always tells more, except {@link #PREEMPTED_LIVE}: a record that it was cut
 * or missed then says no more than that, and only a record that it played to its end overrules it.
 */
public enum PlanReason {
    NOT_DELIVERED(BroadcastStatus.NOT_DELIVERED),
    OFFLINE(BroadcastStatus.OFFLINE),
    DROPPED(BroadcastStatus.DROPPED),
    /** A live session the endpoint took overlapped it: it counts as preempted even when its record says why not. */
    PREEMPTED_LIVE(BroadcastStatus.PREEMPTED_LIVE);

    private final BroadcastStatus status;

    PlanReason(BroadcastStatus status) {
        this.status = status;
    }

    public BroadcastStatus status() {
        return status;
    }
}
