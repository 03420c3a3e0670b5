package vn.bantin.schedule;

/** Something the compiler could not air as planned, for the plan preview. */
public record Conflict(long endpointId, long campaignId, long slotId, long occurrenceStartMs, Kind kind,
                       String reason) {

    public enum Kind {
        /** Moved behind a higher bulletin further than the slot's allowed delay: not aired. */
        DROPPED,
        /** Moved right behind a higher bulletin ("make next"), within the slot's allowed delay. */
        DELAYED,
        /** NORMAL/PRIORITY audio inside a speaker's quiet hours: not aired. */
        QUIET_HOURS,
        /** The content is not processed (yet): endpoints would skip the entry. Found by the plan preview. */
        NOT_READY
    }
}
