package vn.bantin.evidence.report;

import java.time.LocalDate;
import vn.bantin.domain.AssetKind;

/**
 * One rollup cell: an endpoint, a campaign (0 for plays outside any campaign, e.g. emergency alerts), a
 * content kind and a local date in the endpoint's time zone.
 */
public record RollupKey(long endpointId, long campaignId, AssetKind kind, LocalDate day) {

    public static final long NO_CAMPAIGN = 0;

    public RollupKey month() {
        return new RollupKey(endpointId, campaignId, kind, day.withDayOfMonth(1));
    }

    public RollupKey year() {
        return new RollupKey(endpointId, campaignId, kind, day.withDayOfYear(1));
    }
}
