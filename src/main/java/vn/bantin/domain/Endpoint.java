package vn.bantin.domain;

import java.util.Set;

public record Endpoint(long id, String name, EndpointKind kind, Long areaId, Set<String> tags,
                       EndpointStatus status) {
}
