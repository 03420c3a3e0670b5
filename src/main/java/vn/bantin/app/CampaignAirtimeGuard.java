package vn.bantin.app;

import vn.bantin.domain.Campaign;
import vn.bantin.schedule.AirtimeCheck;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.EndpointRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;

/** The save-time airtime refusal (per-area caps on loudspeaker sessions), over the campaign's whole date range. */
final class CampaignAirtimeGuard {

    private final AreaRepository areas;
    private final EndpointRepository endpoints;
    private final CampaignRepository campaigns;
    private final AreaPolicies policies;

    CampaignAirtimeGuard(AreaRepository areas, EndpointRepository endpoints, CampaignRepository campaigns,
                         AreaPolicies policies) {
        this.areas = areas;
        this.endpoints = endpoints;
        this.campaigns = campaigns;
        this.policies = policies;
    }

    void check(Connection c, Campaign campaign) throws SQLException {
        var own = policies.own(c);
        if (own.isEmpty()) {
            return;
        }
        long from = campaign.startDate().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        long to = campaign.endDate().plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        AirtimeCheck.breach(campaign, campaigns.all(c), areas.all(c), endpoints.all(c), own, from, to)
                .ifPresent(reason -> {
                    throw new ApiException(409, "airtime", reason);
                });
    }
}
