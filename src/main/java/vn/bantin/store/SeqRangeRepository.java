package vn.bantin.store;

import vn.bantin.evidence.SeqRanges;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/** The seq ranges each device's stored records cover: an index over play_record, not evidence itself. */
public final class SeqRangeRepository {

    private static final String BY_DEVICE = "SELECT first_seq, last_seq FROM play_seq_range WHERE device_id = ?"
            + " ORDER BY first_seq";
    private static final String INSERT = "INSERT INTO play_seq_range (device_id, first_seq, last_seq) VALUES (?, ?, ?)";
    private static final String REMOVE = "DELETE FROM play_seq_range WHERE device_id = ? AND first_seq = ?";

    public SeqRanges of(Connection c, String deviceId) throws SQLException {
        return SeqRanges.of(Sql.list(c, BY_DEVICE, rs -> new SeqRanges.Range(rs.getLong(1), rs.getLong(2)), deviceId));
    }

    /** Writes {@code after} over {@code before}, touching only the ranges that changed. */
    public void replace(Connection c, String deviceId, SeqRanges before, SeqRanges after) throws SQLException {
        Set<SeqRanges.Range> kept = new HashSet<>(after.ranges());
        for (SeqRanges.Range r : before.ranges()) {
            if (!kept.remove(r)) {
                Sql.update(c, REMOVE, deviceId, r.first());
            }
        }
        for (SeqRanges.Range r : kept) {
            Sql.update(c, INSERT, deviceId, r.first(), r.last());
        }
    }
}
