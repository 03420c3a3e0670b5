package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Which timeline each endpoint's device received, and when: one row per 200 answer. */
public final class TimelineFetchRepository {

    public record Fetch(long endpointId, String deviceId, String version, String etag, long fromMs, long toMs,
                        int entries, long fetchedAt) {
    }

    private static final String INSERT = "INSERT INTO timeline_fetch (endpoint_id, device_id, version, etag, from_ms,"
            + " to_ms, entries, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String OF_ENDPOINT = "SELECT * FROM timeline_fetch WHERE endpoint_id = ? AND fetched_at >= ?"
            + " AND fetched_at < ? ORDER BY fetched_at";

    public void insert(Connection c, Fetch f) throws SQLException {
        Sql.update(c, INSERT, f.endpointId(), f.deviceId(), f.version(), f.etag(), f.fromMs(), f.toMs(), f.entries(),
                f.fetchedAt());
    }

    public List<Fetch> ofEndpoint(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        return Sql.list(c, OF_ENDPOINT, rs -> new Fetch(rs.getLong("endpoint_id"), rs.getString("device_id"),
                rs.getString("version"), rs.getString("etag"), rs.getLong("from_ms"), rs.getLong("to_ms"),
                rs.getInt("entries"), rs.getLong("fetched_at")), endpointId, fromMs, toMs);
    }
}
