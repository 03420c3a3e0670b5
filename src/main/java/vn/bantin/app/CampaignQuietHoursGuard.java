package vn.bantin.app;

import vn.bantin.domain.Campaign;
import vn.bantin.schedule.QuietHoursCheck;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.EndpointRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

/** The save-time quiet-hours refusal, over the campaign's whole date range. */
final class CampaignQuietHoursGuard {

    private final AreaRepository areas;
    private final EndpointRepository endpoints;

    CampaignQuietHoursGuard(AreaRepository areas, EndpointRepository endpoints) {
        this.areas = areas;
        this.endpoints = endpoints;
    }

    void check(Connection c, Campaign campaign) throws SQLException {
        // a day of margin on both sides covers every zone's local midnight
        long from = campaign.startDate().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long to = campaign.endDate().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        List<QuietHoursCheck.Clash> clashes = QuietHoursCheck.clashes(campaign, areas.all(c), endpoints.all(c), from,
                to);
        if (!clashes.isEmpty()) {
            String more = clashes.size() > 1 ? " (+" + (clashes.size() - 1) + " lần khác / more)" : "";
            throw new ApiException(409, "quiet_hours", clashes.get(0).message() + more);
        }
    }
}
