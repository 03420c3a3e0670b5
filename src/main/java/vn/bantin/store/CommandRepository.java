package vn.bantin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Remote commands to endpoints and what their agents answered. */
public final class CommandRepository {

    public record StoredCommand(long id, long endpointId, String kind, String argsJson, String issuedBy, long issuedAt,
                                long expiresAt, String status, Long sentAt, Long answeredAt, String detail,
                                Long screenshotBytes) {
    }

    private static final String INSERT = "INSERT INTO endpoint_command (endpoint_id, kind, args, issued_by, issued_at,"
            + " expires_at, status) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')";
    private static final String BY_ID = "SELECT * FROM endpoint_command WHERE id = ?";
    private static final String OF_ENDPOINT = "SELECT * FROM endpoint_command WHERE endpoint_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
    private static final String WAITING = "SELECT * FROM endpoint_command WHERE endpoint_id = ? AND status IN"
            + " ('PENDING', 'SENT') AND expires_at > ? ORDER BY id";
    private static final String SENT = "UPDATE endpoint_command SET status = 'SENT', sent_at = ? WHERE id = ?"
            + " AND status = 'PENDING'";
    private static final String ANSWER = "UPDATE endpoint_command SET status = ?, answered_at = ?, detail = ?"
            + " WHERE id = ? AND status IN ('PENDING', 'SENT')";
    private static final String SCREENSHOT = "UPDATE endpoint_command SET screenshot_bytes = ? WHERE id = ?";

    public long insert(Connection c, long endpointId, String kind, String argsJson, String issuedBy, long issuedAt,
                       long expiresAt) throws SQLException {
        return Sql.insert(c, INSERT, endpointId, kind, argsJson, issuedBy, issuedAt, expiresAt);
    }

    public Optional<StoredCommand> byId(Connection c, long id) throws SQLException {
        return Sql.one(c, BY_ID, CommandRepository::row, id);
    }

    public List<StoredCommand> ofEndpoint(Connection c, long endpointId, int limit) throws SQLException {
        return Sql.list(c, OF_ENDPOINT, CommandRepository::row, endpointId, limit);
    }

    /** Not answered and not expired: sent again when the endpoint's stream opens. */
    public List<StoredCommand> waiting(Connection c, long endpointId, long now) throws SQLException {
        return Sql.list(c, WAITING, CommandRepository::row, endpointId, now);
    }

    public void sent(Connection c, long id, long at) throws SQLException {
        Sql.update(c, SENT, at, id);
    }

    /** True when this answer was taken (the first one; later answers change nothing). */
    public boolean answer(Connection c, long id, String status, long at, String detail) throws SQLException {
        return Sql.update(c, ANSWER, status, at, detail, id) == 1;
    }

    public void screenshot(Connection c, long id, long bytes) throws SQLException {
        Sql.update(c, SCREENSHOT, bytes, id);
    }

    private static StoredCommand row(ResultSet rs) throws SQLException {
        return new StoredCommand(rs.getLong("id"), rs.getLong("endpoint_id"), rs.getString("kind"),
                rs.getString("args"), rs.getString("issued_by"), rs.getLong("issued_at"), rs.getLong("expires_at"),
                rs.getString("status"), Sql.nullableLong(rs, "sent_at"), Sql.nullableLong(rs, "answered_at"),
                rs.getString("detail"), Sql.nullableLong(rs, "screenshot_bytes"));
    }
}
