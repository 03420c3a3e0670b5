package vn.bantin.app;

import vn.bantin.domain.Campaign;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.EndpointRepository;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a campaign's plan must keep: no NORMAL/PRIORITY audio on speakers in quiet hours, and the per-area
 * loudspeaker airtime caps. Checked when the campaign is saved and again when it is approved, because quiet
 * hours and caps may have changed since, and other campaigns may have gone on the air in between.
 */
public final class CampaignRules {

    private final CampaignQuietHoursGuard quietHours;
    private final CampaignAirtimeGuard airtime;

    public CampaignRules(AreaRepository areas, EndpointRepository endpoints, CampaignRepository campaigns,
                         AreaPolicies policies) {
        this.quietHours = new CampaignQuietHoursGuard(areas, endpoints);
        this.airtime = new CampaignAirtimeGuard(areas, endpoints, campaigns, policies);
    }

    /** Refuses (409 quiet_hours or airtime, with the reason) a plan that breaks a rule. */
    public void check(Connection c, Campaign campaign) throws SQLException {
        quietHours.check(c, campaign);
        airtime.check(c, campaign);
    }
}
