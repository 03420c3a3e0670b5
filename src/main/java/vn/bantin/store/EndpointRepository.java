package vn.bantin.store;

import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

public final class EndpointRepository {

    /** What the agent API needs to know about a device key. */
    public record DeviceRow(long endpointId, String deviceId, String publicKey, EndpointStatus status,
                            EndpointKind kind) {
    }

    /** Operational facts shown to operators beside the endpoint. */
    public record Liveness(Long lastSeenAt, String lastHeartbeatJson, String deviceId) {
    }

    private static final String INSERT =
            "INSERT INTO endpoint (name, kind, area_id, status, created_at) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_ENROLLED = "INSERT INTO endpoint (name, kind, area_id, status, device_id,"
            + " public_key, hardware, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ALL = "SELECT * FROM endpoint ORDER BY id";
    private static final String BY_ID = "SELECT * FROM endpoint WHERE id = ?";
    private static final String BY_DEVICE = "SELECT * FROM endpoint WHERE device_id = ?";
    private static final String TAGS = "SELECT endpoint_id, tag FROM endpoint_tag ORDER BY tag";
    private static final String INSERT_TAG = "INSERT INTO endpoint_tag (endpoint_id, tag) VALUES (?, ?)";
    private static final String BIND_KEY = "UPDATE endpoint SET device_id = ?, public_key = ?, hardware = ?,"
            + " status = ? WHERE id = ?";
    private static final String SET_STATUS = "UPDATE endpoint SET status = ? WHERE id = ?";
    private static final String SET_AREA = "UPDATE endpoint SET area_id = ? WHERE id = ?";
    private static final String HEARTBEAT = "UPDATE endpoint SET last_seen_at = ?, last_heartbeat = ? WHERE id = ?";
    private static final String PROFILE = "SELECT profile FROM endpoint WHERE id = ?";
    private static final String SET_PROFILE = "UPDATE endpoint SET profile = ? WHERE id = ?";
    private static final String SEEN = "UPDATE endpoint SET last_seen_at = ? WHERE id = ?";
    private static final String COUNT_PENDING = "SELECT COUNT(*) FROM endpoint WHERE status = 'PENDING'";
    private static final String CLEAR_KEY = "UPDATE endpoint SET device_id = NULL, public_key = NULL, status = ?"
            + " WHERE id = ?";

    public long insert(Connection c, String name, EndpointKind kind, Long areaId, Set<String> tags,
                       EndpointStatus status, long nowMs) throws SQLException {
        long id = Sql.insert(c, INSERT, name, kind.name(), areaId, status.name(), nowMs);
        for (String tag : tags) {
            Sql.update(c, INSERT_TAG, id, tag);
        }
        return id;
    }

    public long insertEnrolled(Connection c, String name, EndpointKind kind, String deviceId, String publicKey,
                               String hardwareJson, long nowMs) throws SQLException {
        return insertEnrolled(c, name, kind, null, deviceId, publicKey, hardwareJson, nowMs);
    }

    /** A waiting request; {@code areaId} is the area whose enrollment code the installer used, null for none. */
    public long insertEnrolled(Connection c, String name, EndpointKind kind, Long areaId, String deviceId,
                               String publicKey, String hardwareJson, long nowMs) throws SQLException {
        return Sql.insert(c, INSERT_ENROLLED, name, kind.name(), areaId, EndpointStatus.PENDING.name(), deviceId,
                publicKey, hardwareJson, nowMs);
    }

    /** The endpoint's media profile id as stored; null means its kind's default. */
    public String profileOf(Connection c, long id) throws SQLException {
        return Sql.one(c, PROFILE, rs -> Optional.ofNullable(rs.getString("profile")), id).flatMap(p -> p)
                .orElse(null);
    }

    public boolean setProfile(Connection c, long id, String profile) throws SQLException {
        return Sql.update(c, SET_PROFILE, profile, id) == 1;
    }

    public List<Endpoint> all(Connection c) throws SQLException {
        Map<Long, Set<String>> tags = tags(c);
        return Sql.list(c, ALL, rs -> map(rs, tags));
    }

    public Optional<Endpoint> byId(Connection c, long id) throws SQLException {
        Map<Long, Set<String>> tags = tags(c);
        return Sql.one(c, BY_ID, rs -> map(rs, tags), id);
    }

    public Optional<Liveness> liveness(Connection c, long id) throws SQLException {
        return Sql.one(c, BY_ID, rs -> new Liveness(Sql.nullableLong(rs, "last_seen_at"),
                rs.getString("last_heartbeat"), rs.getString("device_id")), id);
    }

    public Map<Long, Liveness> allLiveness(Connection c) throws SQLException {
        Map<Long, Liveness> out = new HashMap<>();
        Sql.list(c, ALL, rs -> out.put(rs.getLong("id"), new Liveness(Sql.nullableLong(rs, "last_seen_at"),
                rs.getString("last_heartbeat"), rs.getString("device_id"))));
        return out;
    }

    public Optional<DeviceRow> byDeviceId(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, BY_DEVICE, EndpointRepository::device, deviceId);
    }

    public Optional<DeviceRow> deviceOf(Connection c, long endpointId) throws SQLException {
        return Sql.one(c, BY_ID, EndpointRepository::device, endpointId);
    }

    public void bindKey(Connection c, long endpointId, String deviceId, String publicKey, String hardwareJson,
                        EndpointStatus status) throws SQLException {
        Sql.update(c, BIND_KEY, deviceId, publicKey, hardwareJson, status.name(), endpointId);
    }

    public void setStatus(Connection c, long endpointId, EndpointStatus status) throws SQLException {
        Sql.update(c, SET_STATUS, status.name(), endpointId);
    }

    public void setArea(Connection c, long endpointId, long areaId) throws SQLException {
        Sql.update(c, SET_AREA, areaId, endpointId);
    }

    public void recordHeartbeat(Connection c, long endpointId, long nowMs, String heartbeatJson) throws SQLException {
        Sql.update(c, HEARTBEAT, nowMs, heartbeatJson, endpointId);
    }

    public void touch(Connection c, long endpointId, long nowMs) throws SQLException {
        Sql.update(c, SEEN, nowMs, endpointId);
    }

    /** Enrollment requests waiting for approval. */
    public long countPending(Connection c) throws SQLException {
        return Sql.one(c, COUNT_PENDING, rs -> rs.getLong(1)).orElse(0L);
    }

    /** Forgets the endpoint's device key (re-key): the old device is unknown from now on. */
    public void clearKey(Connection c, long endpointId, EndpointStatus status) throws SQLException {
        Sql.update(c, CLEAR_KEY, status.name(), endpointId);
    }

    private static Map<Long, Set<String>> tags(Connection c) throws SQLException {
        Map<Long, Set<String>> out = new HashMap<>();
        Sql.list(c, TAGS, rs -> out.computeIfAbsent(rs.getLong("endpoint_id"), k -> new TreeSet<>())
                .add(rs.getString("tag")));
        return out;
    }

    private static Endpoint map(ResultSet rs, Map<Long, Set<String>> tags) throws SQLException {
        long id = rs.getLong("id");
        return new Endpoint(id, rs.getString("name"), EndpointKind.valueOf(rs.getString("kind")),
                Sql.nullableLong(rs, "area_id"), new LinkedHashSet<>(tags.getOrDefault(id, Set.of())),
                EndpointStatus.valueOf(rs.getString("status")));
    }

    private static DeviceRow device(ResultSet rs) throws SQLException {
        return new DeviceRow(rs.getLong("id"), rs.getString("device_id"), rs.getString("public_key"),
                EndpointStatus.valueOf(rs.getString("status")), EndpointKind.valueOf(rs.getString("kind")));
    }
}
