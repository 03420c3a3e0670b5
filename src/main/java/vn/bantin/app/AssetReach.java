package vn.bantin.app;

import vn.bantin.domain.Alert;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Slot;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.CampaignRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which timelines a new rendition of an asset can change: those of the campaigns playing it (their targets),
 * of the campaigns relaying a live source it is the fallback of, and of the alerts airing it. An alert
 * reaches by tags and its owner's area as the compiler decides, so an alert's asset still nudges everyone;
 * that is rare (an alert's media is made before anything else) and never misses a loudspeaker.
 */
final class AssetReach {

    private static final long ALERT_LOOKBACK_MS = 24L * 3600 * 1000;

    private final CampaignRepository campaigns;
    private final AlertRepository alerts;

    AssetReach(AssetRepository assets) {
        this.campaigns = new CampaignRepository(assets);
        this.alerts = new AlertRepository(assets);
    }

    ChangeScope of(Connection c, long assetId, long nowMs) throws SQLException {
        for (Alert a : alerts.onAirAfter(c, nowMs - ALERT_LOOKBACK_MS)) {
            if (a.audio() != null && a.audio().id() == assetId || a.visual() != null && a.visual().id() == assetId) {
                return ChangeScope.all();
            }
        }
        Set<Long> relaying = new HashSet<>();
        for (Campaign campaign : campaigns.all(c)) {
            for (Slot slot : campaign.slots()) {
                if (slot.source() != null && slot.source().fallback() != null
                        && slot.source().fallback().id() == assetId) {
                    relaying.add(campaign.id());
                }
            }
        }
        return new ChangeScope(false, relaying, Set.of(), Set.of(), Set.of(assetId));
    }
}
