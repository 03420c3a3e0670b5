package vn.bantin.schedule;

import java.util.Set;

/**
 * What changed, for recompiling only the timelines that depend on it: campaigns (their targets),
 * areas (with their descendants), endpoints, assets (the campaigns that play them). {@code everything}
 * stands for a change whose reach is unknown.
 */
public record ChangeScope(boolean everything, Set<Long> campaignIds, Set<Long> areaIds, Set<Long> endpointIds,
                          Set<Long> assetIds) {

    public ChangeScope {
        campaignIds = Set.copyOf(campaignIds);
        areaIds = Set.copyOf(areaIds);
        endpointIds = Set.copyOf(endpointIds);
        assetIds = Set.copyOf(assetIds);
    }

    public static ChangeScope all() {
        return new ChangeScope(true, Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static ChangeScope campaigns(Long... ids) {
        return new ChangeScope(false, Set.of(ids), Set.of(), Set.of(), Set.of());
    }

    public static ChangeScope areas(Long... ids) {
        return new ChangeScope(false, Set.of(), Set.of(ids), Set.of(), Set.of());
    }

    public static ChangeScope endpoints(Long... ids) {
        return new ChangeScope(false, Set.of(), Set.of(), Set.of(ids), Set.of());
    }

    public static ChangeScope assets(Long... ids) {
        return new ChangeScope(false, Set.of(), Set.of(), Set.of(), Set.of(ids));
    }
}
