package vn.bantin.agent.spool;

import java.util.List;

/**
 * What the player knows about one play; the spool adds deviceId, seq and prevHash. A play that never
 * started (MISSED, or FAILED before it began) has null actualStart and actualEnd, as the contract says.
 * A relay (mode STREAM) adds {@code relay}: how long the stream itself was heard and its gaps.
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
        String timelineVersion,
        Relay relay) {

    public enum Outcome { PLAYED, INTERRUPTED, FAILED, MISSED }

    /** A relay's on-air figures (contract: STREAM entries): {@code fallback} is the sha256 looped, null = silence. */
    public record Relay(long onAirMs, List<Gap> gaps) {
        public Relay {
            gaps = List.copyOf(gaps);
        }
    }

    public record Gap(long from, long to, String reason, String fallback) {
    }

    public PlayRecord(String entryId, Long campaignId, String clazz, String mode, String sha256, long scheduledStart,
                      Long actualStart, Long actualEnd, Outcome outcome, String reason, long clockOffsetMs,
                      String timelineVersion) {
        this(entryId, campaignId, clazz, mode, sha256, scheduledStart, actualStart, actualEnd, outcome, reason,
                clockOffsetMs, timelineVersion, null);
    }
}
