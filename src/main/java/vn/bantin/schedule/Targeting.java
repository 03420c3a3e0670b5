package vn.bantin.schedule;

import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.Targets;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which campaigns reach which endpoint: an endpoint is targeted when its area or an ancestor, one of
 * its tags, or its id is among the campaign's targets, it lies within the campaign's owner area, and the
 * campaign has items for its kind.
 * Campaigns are indexed by position so each endpoint costs a few set unions, not a scan of campaigns.
 */
final class Targeting {

    private final AreaTree areas;
    private final Map<Long, BitSet> byArea = new HashMap<>();
    private final Map<String, BitSet> byTag = new HashMap<>();
    private final Map<Long, BitSet> byEndpoint = new HashMap<>();
    private final Map<EndpointKind, BitSet> byKind = new EnumMap<>(EndpointKind.class);
    private final Map<Long, BitSet> byOwnerArea = new HashMap<>();
    private final BitSet anywhere = new BitSet();

    Targeting(List<Campaign> campaigns, AreaTree areas) {
        this.areas = areas;
        for (EndpointKind kind : EndpointKind.values()) {
            byKind.put(kind, new BitSet());
        }
        for (int i = 0; i < campaigns.size(); i++) {
            Campaign campaign = campaigns.get(i);
            Targets targets = campaign.targets();
            if (targets != null) {
                index(byArea, targets.areaIds(), i);
                index(byTag, targets.tags(), i);
                index(byEndpoint, targets.endpointIds(), i);
            }
            if (targets == null || targets.withinAreaId() == null) {
                anywhere.set(i);
            } else {
                byOwnerArea.computeIfAbsent(targets.withinAreaId(), k -> new BitSet()).set(i);
            }
            for (EndpointKind kind : EndpointKind.values()) {
                if (Candidates.airsOn(campaign, kind)) {
                    byKind.get(kind).set(i);
                }
            }
        }
    }

    /** Positions of the campaigns that reach this endpoint. */
    BitSet campaignsFor(Endpoint endpoint) {
        BitSet matched = new BitSet();
        BitSet allowed = (BitSet) anywhere.clone();
        if (endpoint.areaId() != null) {
            for (long areaId : areas.selfAndAncestors(endpoint.areaId())) {
                union(matched, byArea.get(areaId));
                union(allowed, byOwnerArea.get(areaId));
            }
        }
        if (endpoint.tags() != null) {
            for (String tag : endpoint.tags()) {
                union(matched, byTag.get(tag));
            }
        }
        union(matched, byEndpoint.get(endpoint.id()));
        matched.and(byKind.get(endpoint.kind()));
        matched.and(allowed);
        return matched;
    }

    /** Whether one campaign reaches one endpoint, by the same rules, without an index. */
    static boolean targets(Campaign campaign, Endpoint endpoint, AreaTree areas) {
        Targets targets = campaign.targets();
        if (targets == null || !Candidates.airsOn(campaign, endpoint.kind())) {
            return false;
        }
        if (targets.withinAreaId() != null && (endpoint.areaId() == null
                || !targets.within(areas.selfAndAncestors(endpoint.areaId())))) {
            return false;
        }
        if (targets.endpointIds() != null && targets.endpointIds().contains(endpoint.id())) {
            return true;
        }
        if (targets.tags() != null && endpoint.tags() != null
                && endpoint.tags().stream().anyMatch(targets.tags()::contains)) {
            return true;
        }
        return targets.areaIds() != null && endpoint.areaId() != null
                && areas.selfAndAncestors(endpoint.areaId()).stream().anyMatch(targets.areaIds()::contains);
    }

    private static <K> void index(Map<K, BitSet> index, Iterable<K> keys, int position) {
        if (keys != null) {
            for (K key : keys) {
                index.computeIfAbsent(key, k -> new BitSet()).set(position);
            }
        }
    }

    private static void union(BitSet into, BitSet other) {
        if (other != null) {
            into.or(other);
        }
    }
}
