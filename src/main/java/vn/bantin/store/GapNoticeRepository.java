package vn.bantin.store;

import vn.bantin.evidence.GapNotice;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Devices' signed gap notices, kept as sent: insert-only. */
public final class GapNoticeRepository {

    /** A stored notice: what it says, and the signed bytes it says it in. */
    public record StoredNotice(String hash, GapNotice notice, String payload, String sig, long receivedAt) {
    }

    private static final String EXISTS = "SELECT COUNT(*) FROM gap_notice WHERE device_id = ? AND notice_hash = ?";
    private static final String INSERT = "INSERT INTO gap_notice (device_id, notice_hash, first_seq, last_seq, cause,"
            + " detail, noted_at, payload, sig, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_DEVICE = "SELECT * FROM gap_notice WHERE device_id = ? ORDER BY first_seq, noted_at";

    public void insertIfAbsent(Connection c, String hash, GapNotice n, String payload, String sig, long nowMs)
            throws SQLException {
        if (Sql.one(c, EXISTS, rs -> rs.getLong(1), n.deviceId(), hash).orElse(0L) == 0) {
            Sql.update(c, INSERT, n.deviceId(), hash, n.firstSeq(), n.lastSeq(), n.cause().name(), n.detail(),
                    n.notedAt(), payload, sig, nowMs);
        }
    }

    public List<StoredNotice> byDevice(Connection c, String deviceId) throws SQLException {
        return Sql.list(c, BY_DEVICE, rs -> new StoredNotice(rs.getString("notice_hash"),
                new GapNotice(rs.getString("device_id"), rs.getLong("first_seq"), rs.getLong("last_seq"),
                        GapNotice.Cause.valueOf(rs.getString("cause")), rs.getString("detail"), rs.getLong("noted_at")),
                rs.getString("payload"), rs.getString("sig"), rs.getLong("received_at")), deviceId);
    }
}
