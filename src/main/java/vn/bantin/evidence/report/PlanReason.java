package vn.bantin.evidence.report;

/**
 * Why an expected broadcast may have no record, as the evidence classification says; it only shows when
 * no record arrived, since a record always tells more.
 */
public enum PlanReason {
    NOT_DELIVERED(BroadcastStatus.NOT_DELIVERED),
    OFFLINE(BroadcastStatus.OFFLINE),
    DROPPED(BroadcastStatus.DROPPED);

    private final BroadcastStatus status;

    PlanReason(BroadcastStatus status) {
        this.status = status;
    }

    public BroadcastStatus status() {
        return status;
    }
}
