package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Enrollment codes, kept only as hashes: one-time codes for an endpoint, and limited-use codes for an area. */
public final class EnrollmentCodeRepository {

    private static final String INSERT =
            "INSERT INTO enrollment_code (code_hash, endpoint_id, expires_at, used_at) VALUES (?, ?, ?, NULL)";
    private static final String FIND_USABLE =
            "SELECT endpoint_id FROM enrollment_code WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?";
    private static final String SPEND =
            "UPDATE enrollment_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL";

    private static final String INSERT_AREA = "INSERT INTO enrollment_area_code (code_hash, area_id, expires_at,"
            + " max_uses, uses, created_by, created_at) VALUES (?, ?, ?, ?, 0, ?, ?)";
    private static final String FIND_AREA_USABLE = "SELECT area_id FROM enrollment_area_code WHERE code_hash = ?"
            + " AND uses < max_uses AND expires_at > ?";
    private static final String AREA_ACTIVE = "SELECT k.code_hash, k.expires_at, k.max_uses, k.uses, k.created_by,"
            + " COALESCE(u.display_name, k.created_by) AS created_by_name, k.created_at FROM enrollment_area_code k"
            + " LEFT JOIN app_user u ON u.username = k.created_by"
            + " WHERE k.area_id = ? AND k.uses < k.max_uses AND k.expires_at > ? ORDER BY k.created_at DESC, k.code_hash";
    private static final String EXPIRE_AREA = "UPDATE enrollment_area_code SET expires_at = ? WHERE code_hash = ?"
            + " AND expires_at > ?";
    private static final String SPEND_AREA = "UPDATE enrollment_area_code SET uses = uses + 1 WHERE code_hash = ?"
            + " AND uses < max_uses AND expires_at > ?";

    /**
     * An area code as stored (its hash, never the code), with its limits and who made it: their login, and the name
     * people know them by (the login when no such person exists, e.g. a token).
     */
    public record AreaCode(String codeHash, long expiresAt, int maxUses, int uses, String createdBy,
                           String createdByName, long createdAt) {
    }

    public void insert(Connection c, String codeHash, long endpointId, long expiresAt) throws SQLException {
        Sql.update(c, INSERT, codeHash, endpointId, expiresAt);
    }

    /** Spends the code and returns its endpoint, or empty if it is unknown, spent or expired. */
    public Optional<Long> spend(Connection c, String codeHash, long nowMs) throws SQLException {
        Optional<Long> endpoint = Sql.one(c, FIND_USABLE, rs -> rs.getLong(1), codeHash, nowMs);
        if (endpoint.isPresent() && Sql.update(c, SPEND, nowMs, codeHash) != 1) {
            return Optional.empty();
        }
        return endpoint;
    }

    public void insertArea(Connection c, String codeHash, long areaId, long expiresAt, int maxUses, String createdBy,
                           long nowMs) throws SQLException {
        Sql.update(c, INSERT_AREA, codeHash, areaId, expiresAt, maxUses, createdBy, nowMs);
    }

    /** Spends one use of an area code and returns its area, or empty if it is unknown, used up or expired. */
    public Optional<Long> spendArea(Connection c, String codeHash, long nowMs) throws SQLException {
        Optional<Long> area = Sql.one(c, FIND_AREA_USABLE, rs -> rs.getLong(1), codeHash, nowMs);
        if (area.isPresent() && Sql.update(c, SPEND_AREA, codeHash, nowMs) != 1) {
            return Optional.empty();
        }
        return area;
    }

    /** The area's codes that still let a device in (uses left, not expired), newest first. */
    public List<AreaCode> activeInArea(Connection c, long areaId, long nowMs) throws SQLException {
        return Sql.list(c, AREA_ACTIVE, rs -> new AreaCode(rs.getString("code_hash"), rs.getLong("expires_at"),
                rs.getInt("max_uses"), rs.getInt("uses"), rs.getString("created_by"), rs.getString("created_by_name"),
                rs.getLong("created_at")),
                areaId, nowMs);
    }

    /** Ends an area code now, so it lets no further device in; false if it had already ended. */
    public boolean expireArea(Connection c, String codeHash, long nowMs) throws SQLException {
        return Sql.update(c, EXPIRE_AREA, nowMs, codeHash, nowMs) == 1;
    }
}
