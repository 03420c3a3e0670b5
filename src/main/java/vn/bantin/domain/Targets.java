package vn.bantin.domain;

import java.util.Set;

/** Areas (with all descendants), tags and explicit endpoints; an endpoint matching any of them is targeted. */
public record Targets(Set<Long> areaIds, Set<String> tags, Set<Long> endpointIds) {
}
