package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Append-only: there is deliberately no update or delete here. */
public final class PlayRecordRepository {

    private static final String INSERT = "INSERT INTO play_record (device_id, seq, endpoint_id, payload, sig,"
            + " record_hash, prev_hash, entry_id, campaign_id, broadcast_class, mode, sha256, scheduled_start,"
            + " actual_start, actual_end, outcome, reason, chain_broken, received_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CONFLICT = "INSERT INTO play_record_conflict (device_id, seq, payload, sig,"
            + " received_at) VALUES (?, ?, ?, ?, ?)";
    private static final String CONFLICTS_AT = "SELECT payload FROM play_record_conflict WHERE device_id = ? AND seq = ?";
    private static final String INSERT_REFUSED = "INSERT INTO play_record_refused (device_id, fingerprint, seq, payload,"
            + " sig, code, message, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REFUSED_EXISTS = "SELECT COUNT(*) FROM play_record_refused WHERE device_id = ?"
            + " AND fingerprint = ?";
    private static final String BY_SEQ = "SELECT * FROM play_record WHERE device_id = ? AND seq = ?";
    private static final String BY_DEVICE = "SELECT * FROM play_record WHERE device_id = ? ORDER BY seq";
    private static final String RECENT = "SELECT * FROM play_record ORDER BY received_at DESC, seq DESC"
            + " FETCH FIRST ? ROWS ONLY";
    private static final String IN_PERIOD = "SELECT * FROM play_record WHERE actual_start >= ? AND actual_start < ?"
            + " ORDER BY actual_start";
    private static final String CONFLICT_COUNT = "SELECT COUNT(*) FROM play_record_conflict WHERE device_id = ?";

    public void insert(Connection c, StoredPlay p) throws SQLException {
        Sql.update(c, INSERT, values(p));
    }

    /** Many records in one JDBC batch. */
    public void insertAll(Connection c, Collection<StoredPlay> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (StoredPlay p : records) {
                Object[] values = values(p);
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Keeps a conflicting record aside, once: the same bytes sent again add nothing. True when newly kept. */
    public boolean insertConflict(Connection c, String deviceId, long seq, String payload, String sig, long nowMs)
            throws SQLException {
        if (Sql.list(c, CONFLICTS_AT, rs -> rs.getString(1), deviceId, seq).contains(payload)) {
            return false;
        }
        Sql.update(c, INSERT_CONFLICT, deviceId, seq, payload, sig, nowMs);
        return true;
    }

    /** Keeps a refused record aside, once per fingerprint; a payload too long for the column is not kept. */
    public void insertRefused(Connection c, String deviceId, RefusedRecord r, long nowMs) throws SQLException {
        if (Sql.one(c, REFUSED_EXISTS, rs -> rs.getLong(1), deviceId, r.fingerprint()).orElse(0L) == 0) {
            String payload = r.payload() != null && r.payload().length() <= 4000 ? r.payload() : null;
            String sig = r.sig() != null && r.sig().length() <= 200 ? r.sig() : null;
            Sql.update(c, INSERT_REFUSED, deviceId, r.fingerprint(), r.seq(), payload, sig, r.code(), r.message(), nowMs);
        }
    }

    public Optional<StoredPlay> bySeq(Connection c, String deviceId, long seq) throws SQLException {
        return Sql.one(c, BY_SEQ, PlayRecordRepository::map, deviceId, seq);
    }

    public List<StoredPlay> byDevice(Connection c, String deviceId) throws SQLException {
        return Sql.list(c, BY_DEVICE, PlayRecordRepository::map, deviceId);
    }

    public List<StoredPlay> recent(Connection c, int limit) throws SQLException {
        return Sql.list(c, RECENT, PlayRecordRepository::map, limit);
    }

    /** The latest records of these endpoints only. */
    public List<StoredPlay> recentOf(Connection c, List<Long> endpointIds, int limit) throws SQLException {
        if (endpointIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(endpointIds.size(), "?"));
        Object[] params = new Object[endpointIds.size() + 1];
        for (int i = 0; i < endpointIds.size(); i++) {
            params[i] = endpointIds.get(i);
        }
        params[endpointIds.size()] = limit;
        return Sql.list(c, "SELECT * FROM play_record WHERE endpoint_id IN (" + marks + ")"
                + " ORDER BY received_at DESC, seq DESC FETCH FIRST ? ROWS ONLY", PlayRecordRepository::map, params);
    }

    public List<StoredPlay> startedIn(Connection c, long fromMs, long toMs) throws SQLException {
        return Sql.list(c, IN_PERIOD, PlayRecordRepository::map, fromMs, toMs);
    }

    public long conflictCount(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, CONFLICT_COUNT, rs -> rs.getLong(1), deviceId).orElse(0L);
    }

    private static Object[] values(StoredPlay p) {
        return new Object[] {p.deviceId(), p.seq(), p.endpointId(), p.payload(), p.sig(), p.hash(), p.prevHash(),
            p.entryId(), p.campaignId(), p.broadcastClass(), p.mode(), p.sha256(), p.scheduledStart(),
            p.actualStart(), p.actualEnd(), p.outcome(), p.reason(), p.chainBroken(), p.receivedAt()};
    }

    private static StoredPlay map(ResultSet rs) throws SQLException {
        return new StoredPlay(rs.getString("device_id"), rs.getLong("seq"), rs.getLong("endpoint_id"),
                rs.getString("payload"), rs.getString("sig"), rs.getString("record_hash"), rs.getString("prev_hash"),
                rs.getString("entry_id"), Sql.nullableLong(rs, "campaign_id"), rs.getString("broadcast_class"),
                rs.getString("mode"), rs.getString("sha256"), Sql.nullableLong(rs, "scheduled_start"),
                Sql.nullableLong(rs, "actual_start"), Sql.nullableLong(rs, "actual_end"), rs.getString("outcome"),
                rs.getString("reason"), rs.getBoolean("chain_broken"), rs.getLong("received_at"));
    }
}
