package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** One-time enrollment codes, kept only as hashes. */
public final class EnrollmentCodeRepository {

    private static final String INSERT =
            "INSERT INTO enrollment_code (code_hash, endpoint_id, expires_at, used_at) VALUES (?, ?, ?, NULL)";
    private static final String FIND_USABLE =
            "SELECT endpoint_id FROM enrollment_code WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?";
    private static final String SPEND =
            "UPDATE enrollment_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL";

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
}
