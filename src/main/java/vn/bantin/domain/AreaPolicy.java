package vn.bantin.domain;

/**
 * Per-area rules, inherited downwards: whether one person may submit and approve (one-person communes), and
 * an optional cap on loudspeaker airtime (sessions a day, minutes a session). Null caps mean no cap.
 */
public record AreaPolicy(boolean selfApproval, Integer maxSpeakerSessionsPerDay, Integer maxSpeakerSessionMinutes) {

    public static final AreaPolicy DEFAULT = new AreaPolicy(false, null, null);

    public boolean capsAirtime() {
        return maxSpeakerSessionsPerDay != null || maxSpeakerSessionMinutes != null;
    }
}
