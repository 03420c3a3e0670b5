package vn.bantin.domain;

import java.util.List;
import java.util.Set;

/**
 * Areas (with all descendants), tags and explicit endpoints; an endpoint matching any of them is targeted,
 * provided it lies within {@code withinAreaId}: the area that owns the campaign or alert (null: anywhere).
 * A commune's tag therefore never reaches another commune's endpoints that happen to carry it.
 */
public record Targets(Set<Long> areaIds, Set<String> tags, Set<Long> endpointIds, Long withinAreaId) {

    public Targets(Set<Long> areaIds, Set<String> tags, Set<Long> endpointIds) {
        this(areaIds, tags, endpointIds, null);
    }

    /** Whether an endpoint whose area lineage (self, parent, ... root) is given lies within the owner's area. */
    public boolean within(List<Long> endpointAreaLineage) {
        return withinAreaId == null || endpointAreaLineage.contains(withinAreaId);
    }
}
