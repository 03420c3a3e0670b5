package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.PlaylistItem;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The endpoints whose timelines a change can alter, by the compiler's own targeting: a campaign reaches
 * its target areas with their descendants, its tags and its explicit endpoints (for the kinds it has
 * items for); an area reaches the endpoints in it or below it; an asset reaches what its campaigns reach.
 */
public final class AffectedEndpoints {

    private AffectedEndpoints() {
    }

    /** Sorted ids, among {@code endpoints}; all of them when the scope is {@code everything}. */
    public static Set<Long> of(ChangeScope scope, Collection<Area> areas, Collection<Endpoint> endpoints,
                               Collection<Campaign> campaigns) {
        Set<Long> affected = new TreeSet<>();
        AreaTree tree = new AreaTree(areas);
        List<Campaign> changed = campaigns.stream()
                .filter(c -> scope.campaignIds().contains(c.id()) || playsAny(c, scope.assetIds()))
                .toList();
        Targeting reach = new Targeting(changed, tree);
        for (Endpoint endpoint : endpoints) {
            if (scope.everything() || scope.endpointIds().contains(endpoint.id())
                    || underAny(endpoint, scope.areaIds(), tree)
                    || !changed.isEmpty() && !reach.campaignsFor(endpoint).isEmpty()) {
                affected.add(endpoint.id());
            }
        }
        return affected;
    }

    private static boolean underAny(Endpoint endpoint, Set<Long> areaIds, AreaTree tree) {
        return !areaIds.isEmpty() && endpoint.areaId() != null
                && tree.selfAndAncestors(endpoint.areaId()).stream().anyMatch(areaIds::contains);
    }

    private static boolean playsAny(Campaign campaign, Set<Long> assetIds) {
        return !assetIds.isEmpty() && campaign.playlist() != null && campaign.playlist().stream()
                .map(PlaylistItem::asset).anyMatch(a -> a != null && assetIds.contains(a.id()));
    }
}
