package vn.bantin.agent.spool;

/**
 * What the player knows about one play; the spool adds deviceId, seq and prevHash. The contract's payload
 * has whole numbers for actualStart and actualEnd, never null: a play that never started (MISSED, or FAILED
 * before it began) has both at the moment the agent gave up on it, so no airtime.
 */
public record PlayRecord(
        String entryId,
        Long campaignId,
        String clazz,
        String mode,
        String sha256,
        long scheduledStart,
        long actualStart,
        long actualEnd,
        Outcome outcome,
        String reason,
        long clockOffsetMs,
        String timelineVersion) {

    public enum Outcome { PLAYED, INTERRUPTED, FAILED, MISSED }
}
