package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Nonces of signed agent requests that could still pass the clock check (table agent_nonce, V30). */
public final class NonceRepository {

    private static final String INSERT = "INSERT INTO agent_nonce (device_id, nonce, expires_at) VALUES (?, ?, ?)";
    private static final String FORGET = "DELETE FROM agent_nonce WHERE expires_at < ?";

    /** Records the nonce; false when this device used it before (a replay), whenever that was. */
    public boolean remember(Connection c, String deviceId, String nonce, long expiresAt) throws SQLException {
        try {
            Sql.update(c, INSERT, deviceId, nonce, expiresAt);
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    public int forgetExpired(Connection c, long nowMs) throws SQLException {
        return Sql.update(c, FORGET, nowMs);
    }
}
