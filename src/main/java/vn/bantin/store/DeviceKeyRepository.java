package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Every device key that ever signed evidence, kept after its endpoint is deleted or re-keyed. Insert-only. */
public final class DeviceKeyRepository {

    public record DeviceKey(String deviceId, String publicKey, Long endpointId, long firstSeenAt) {
    }

    private static final String BY_ID = "SELECT * FROM device_key WHERE device_id = ?";
    private static final String OF_ENDPOINT = "SELECT * FROM device_key WHERE endpoint_id = ? ORDER BY first_seen_at";
    private static final String INSERT = "INSERT INTO device_key (device_id, public_key, endpoint_id, first_seen_at)"
            + " VALUES (?, ?, ?, ?)";

    public void remember(Connection c, String deviceId, String publicKey, long endpointId, long nowMs)
            throws SQLException {
        if (byId(c, deviceId).isEmpty()) {
            Sql.update(c, INSERT, deviceId, publicKey, endpointId, nowMs);
        }
    }

    public Optional<DeviceKey> byId(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, BY_ID, DeviceKeyRepository::map, deviceId);
    }

    /** The keys that signed for an endpoint, oldest first (a re-keyed endpoint has several). */
    public List<DeviceKey> ofEndpoint(Connection c, long endpointId) throws SQLException {
        return Sql.list(c, OF_ENDPOINT, DeviceKeyRepository::map, endpointId);
    }

    private static DeviceKey map(java.sql.ResultSet rs) throws SQLException {
        return new DeviceKey(rs.getString("device_id"), rs.getString("public_key"), Sql.nullableLong(rs, "endpoint_id"),
                rs.getLong("first_seen_at"));
    }
}
