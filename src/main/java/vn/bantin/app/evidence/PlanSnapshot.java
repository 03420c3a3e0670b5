package vn.bantin.app.evidence;

import vn.bantin.domain.Alert;
import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.evidence.PlayNames;
import vn.bantin.schedule.PlannedItem;
import vn.bantin.store.AssetMedia;
import vn.bantin.store.Rendition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one plan recording reads, in one go: areas, the endpoints to record for, every campaign, the alerts
 * that may be on air, each endpoint's media profile, the finished renditions per profile and each asset's
 * processing state. It names
 * planned items as they are called at this moment (campaign, asset, endpoint, area, topic): the names the
 * evidence keeps.
 */
final class PlanSnapshot {

    final List<Area> areas;
    final List<Endpoint> endpoints;
    final List<Campaign> campaigns;
    final List<Alert> alerts;
    final Map<Long, String> profiles;
    final Map<String, Map<Long, Rendition>> renditions;
    final Map<Long, AssetMedia> media;
    private final Map<Long, Area> areaById = new HashMap<>();
    private final Map<Long, Campaign> campaignById = new HashMap<>();
    private final Map<String, Map<String, String>> assetNamesByProfile = new HashMap<>();

    PlanSnapshot(List<Area> areas, List<Endpoint> endpoints, List<Campaign> campaigns, List<Alert> alerts,
                 Map<Long, String> profiles, Map<String, Map<Long, Rendition>> renditions, Map<Long, AssetMedia> media) {
        this.areas = areas;
        this.endpoints = endpoints;
        this.campaigns = campaigns;
        this.alerts = alerts;
        this.profiles = profiles;
        this.renditions = renditions;
        this.media = media;
        areas.forEach(a -> areaById.put(a.id(), a));
        campaigns.forEach(c -> campaignById.put(c.id(), c));
    }

    PlayNames names(Endpoint endpoint, PlannedItem item) {
        Area area = endpoint.areaId() == null ? null : areaById.get(endpoint.areaId());
        Campaign campaign = campaignById.get(item.campaignId());
        String sha = item.items().isEmpty() ? null : item.items().get(0).sha256();
        String profile = profiles.get(endpoint.id());
        String asset = sha == null ? null : assetNamesByProfile.computeIfAbsent(profile, this::assetNames).get(sha);
        return new PlayNames(item.campaignName(), asset, endpoint.name(), endpoint.areaId(),
                area == null ? null : area.name(), campaign == null ? null : campaign.topic());
    }

    /** Asset names by the hash an endpoint of this profile plays: the rendition's or the upload's. */
    private Map<String, String> assetNames(String profile) {
        Map<Long, Rendition> byAsset = renditions.getOrDefault(profile, Map.of());
        Map<String, String> out = new HashMap<>();
        for (Campaign c : campaigns) {
            for (PlaylistItem item : c.playlist() == null ? List.<PlaylistItem>of() : c.playlist()) {
                name(out, item.asset(), byAsset);
            }
        }
        for (Alert a : alerts) {
            name(out, a.audio(), byAsset);
            name(out, a.visual(), byAsset);
        }
        return out;
    }

    private static void name(Map<String, String> out, Asset asset, Map<Long, Rendition> byAsset) {
        if (asset != null) {
            out.put(asset.sha256(), asset.name());
            Rendition r = byAsset.get(asset.id());
            if (r != null) {
                out.put(r.sha256(), asset.name());
            }
        }
    }
}
