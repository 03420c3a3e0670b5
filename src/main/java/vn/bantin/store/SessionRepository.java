package vn.bantin.store;

import vn.bantin.access.User;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Browser sessions, keyed by the SHA-256 of the cookie value. */
public final class SessionRepository {

    /** A live session row with its (enabled or not) user. */
    public record Row(String idHash, User user, String csrfToken, long createdAt, long lastSeenAt) {
    }

    public void insert(Connection c, String idHash, long userId, String csrfToken, long now, String address)
            throws SQLException {
        Sql.update(c, "INSERT INTO user_session (id_hash, user_id, csrf_token, created_at, last_seen_at, address)"
                + " VALUES (?, ?, ?, ?, ?, ?)", idHash, userId, csrfToken, now, now, address);
    }

    public Optional<Row> byHash(Connection c, String idHash) throws SQLException {
        return Sql.one(c, "SELECT s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, u.*, a.name AS area_name"
                        + " FROM user_session s JOIN app_user u ON u.id = s.user_id"
                        + " LEFT JOIN area a ON a.id = u.area_id WHERE s.id_hash = ?",
                rs -> new Row(rs.getString("id_hash"), UserRepository.map(rs), rs.getString("csrf_token"),
                        rs.getLong("created_at"), rs.getLong("last_seen_at")), idHash);
    }

    public void touch(Connection c, String idHash, long now) throws SQLException {
        Sql.update(c, "UPDATE user_session SET last_seen_at = ? WHERE id_hash = ?", now, idHash);
    }

    public void delete(Connection c, String idHash) throws SQLException {
        Sql.update(c, "DELETE FROM user_session WHERE id_hash = ?", idHash);
    }

    /** Ends the user's other sessions (after a password change) or all of them (keep = null). */
    public void deleteForUser(Connection c, long userId, String keepIdHash) throws SQLException {
        Sql.update(c, "DELETE FROM user_session WHERE user_id = ? AND id_hash <> ?", userId,
                keepIdHash == null ? "" : keepIdHash);
    }

    public void deleteExpired(Connection c, long idleBefore, long createdBefore) throws SQLException {
        Sql.update(c, "DELETE FROM user_session WHERE last_seen_at < ? OR created_at < ?", idleBefore, createdBefore);
    }
}
