package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Resumable upload sessions; the bytes themselves are a file whose size is the session's offset. */
public final class UploadRepository {

    /** A resumable upload; {@code areaId} is the uploader's area, whose people alone may go on with it. */
    public record Session(String id, String name, Long totalBytes, long createdAt, long updatedAt, Long areaId) {
    }

    private static final String INSERT = "INSERT INTO upload_session (id, name, total_bytes, created_at, updated_at,"
            + " area_id) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String BY_ID = "SELECT * FROM upload_session WHERE id = ?";
    private static final String TOUCH = "UPDATE upload_session SET updated_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM upload_session WHERE id = ?";
    private static final String STALE = "SELECT * FROM upload_session WHERE updated_at < ?";
    private static final String ALL_IDS = "SELECT id FROM upload_session";

    public void insert(Connection c, Session s) throws SQLException {
        Sql.update(c, INSERT, s.id(), s.name(), s.totalBytes(), s.createdAt(), s.updatedAt(), s.areaId());
    }

    public Optional<Session> byId(Connection c, String id) throws SQLException {
        return Sql.one(c, BY_ID, rs -> new Session(rs.getString("id"), rs.getString("name"),
                Sql.nullableLong(rs, "total_bytes"), rs.getLong("created_at"), rs.getLong("updated_at"),
                Sql.nullableLong(rs, "area_id")), id);
    }

    public void touch(Connection c, String id, long nowMs) throws SQLException {
        Sql.update(c, TOUCH, nowMs, id);
    }

    public boolean delete(Connection c, String id) throws SQLException {
        return Sql.update(c, DELETE, id) == 1;
    }

    public List<String> staleIds(Connection c, long beforeMs) throws SQLException {
        return Sql.list(c, STALE, rs -> rs.getString("id"), beforeMs);
    }

    public List<String> allIds(Connection c) throws SQLException {
        return Sql.list(c, ALL_IDS, rs -> rs.getString("id"));
    }
}
