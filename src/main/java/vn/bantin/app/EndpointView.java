package vn.bantin.app;

import vn.bantin.domain.Endpoint;

/** An endpoint as operators see it: what it is, its media profile, and whether it is alive and what it plays. */
public record EndpointView(Endpoint endpoint, String deviceId, Long lastSeenAt, String lastHeartbeatJson,
                           String profile) {
}
