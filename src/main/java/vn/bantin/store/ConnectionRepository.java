package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The connection history of endpoints: stretches of contact, each closed at the last contact before a silence. */
public final class ConnectionRepository {

    public record Stretch(long id, long endpointId, long connectedAt, long lastSeenAt, Long disconnectedAt) {
    }

    private static final String OPEN = "INSERT INTO endpoint_connection (endpoint_id, connected_at, last_seen_at)"
            + " VALUES (?, ?, ?)";
    private static final String SEEN = "UPDATE endpoint_connection SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?";
    private static final String CLOSE = "UPDATE endpoint_connection SET disconnected_at = ?, last_seen_at = ?"
            + " WHERE id = ?";
    private static final String STILL_OPEN = "SELECT * FROM endpoint_connection WHERE disconnected_at IS NULL ORDER BY id";
    private static final String HISTORY = "SELECT * FROM endpoint_connection WHERE endpoint_id = ?"
            + " ORDER BY connected_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
    private static final String BETWEEN = "SELECT * FROM endpoint_connection WHERE endpoint_id = ?"
            + " AND connected_at < ? AND (disconnected_at IS NULL OR disconnected_at >= ?) ORDER BY connected_at";

    public long open(Connection c, long endpointId, long at) throws SQLException {
        return Sql.insert(c, OPEN, endpointId, at, at);
    }

    public void seen(Connection c, long id, long at) throws SQLException {
        Sql.update(c, SEEN, at, id, at);
    }

    public void close(Connection c, long id, long lastSeenAt) throws SQLException {
        Sql.update(c, CLOSE, lastSeenAt, lastSeenAt, id);
    }

    public List<Stretch> stillOpen(Connection c) throws SQLException {
        return Sql.list(c, STILL_OPEN, ConnectionRepository::row);
    }

    /** The newest stretches first. */
    public List<Stretch> history(Connection c, long endpointId, int limit) throws SQLException {
        return Sql.list(c, HISTORY, ConnectionRepository::row, endpointId, limit);
    }

    /** The stretches that overlap {@code [fromMs, toMs)}, oldest first: what reports use for offline time. */
    public List<Stretch> overlapping(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        return Sql.list(c, BETWEEN, ConnectionRepository::row, endpointId, toMs, fromMs);
    }

    private static Stretch row(java.sql.ResultSet rs) throws SQLException {
        return new Stretch(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getLong("connected_at"),
                rs.getLong("last_seen_at"), Sql.nullableLong(rs, "disconnected_at"));
    }
}
