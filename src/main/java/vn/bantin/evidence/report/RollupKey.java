package vn.bantin.evidence.report;

import java.time.LocalDate;
import vn.bantin.domain.AssetKind;

/**
 * One rollup cell: an endpoint, a campaign (0 for plays outside any campaign, e.g. emergency alerts; minus the
 * session id for a live microphone session, which reports show as a row of its own), a content kind and a local
 * date in the endpoint's time zone.
 */
public record RollupKey(long endpointId, long campaignId, AssetKind kind, LocalDate day) {

    public static final long NO_CAMPAIGN = 0;

    /** The report row of a live microphone session: negative, so it never meets a campaign's id. */
    public static long liveSession(long sessionId) {
        return -sessionId;
    }

    public static boolean isLiveSession(long campaignId) {
        return campaignId < 0;
    }

    /** The session a live row counts (see {@link #liveSession}). */
    public static long sessionOf(long campaignId) {
        return -campaignId;
    }

    public RollupKey month() {
        return new RollupKey(endpointId, campaignId, kind, day.withDayOfMonth(1));
    }

    public RollupKey year() {
        return new RollupKey(endpointId, campaignId, kind, day.withDayOfYear(1));
    }
}
