package vn.bantin.agent.spool;

/**
 * What the player knows about one play; the spool adds deviceId, seq and prevHash. A play that never
 * started (MISSED, or FAILED before it began) has null actualStart and actualEnd, as the contract says.
 */
public record PlayRecord(
        String entryId,
        Long campaignId,
        String clazz,
        String mode,
        String sha256,
        long scheduledStart,
        Long actualStart,
        Long actualEnd,
        Outcome outcome,
        String reason,
        long clockOffsetMs,
        String timelineVersion) {

    public enum Outcome { PLAYED, INTERRUPTED, FAILED, MISSED }
}
