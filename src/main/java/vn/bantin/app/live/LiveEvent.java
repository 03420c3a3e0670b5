package vn.bantin.app.live;

import java.util.Map;

/**
 * One thing that happened, for the people watching the UI: a {@code type} such as {@code endpoint.status}
 * (the names the UI listens for), the area it belongs to (who may see it; null for events without an area),
 * and its facts as plain values. {@code id} orders events and lets a reconnecting browser catch up.
 */
public record LiveEvent(long id, String type, Long areaId, Map<String, Object> data) {
}
