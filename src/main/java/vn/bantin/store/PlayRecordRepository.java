package vn.bantin.store;

import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.evidence.bundle.EvidenceBundle;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/** Append-only: there is deliberately no update or delete here. */
public final class PlayRecordRepository {

    private static final String INSERT = "INSERT INTO play_record (device_id, seq, endpoint_id, payload, sig,"
            + " record_hash, prev_hash, entry_id, campaign_id, broadcast_class, mode, sha256, scheduled_start,"
            + " actual_start, actual_end, outcome, reason, chain_broken, received_at, campaign_name, asset_name,"
            + " endpoint_name, area_id, area_name, topic)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CONFLICT = "INSERT INTO play_record_conflict (device_id, seq, payload, sig,"
            + " received_at) VALUES (?, ?, ?, ?, ?)";
    private static final String CONFLICTS_AT = "SELECT payload FROM play_record_conflict WHERE device_id = ? AND seq = ?";
    private static final String INSERT_REFUSED = "INSERT INTO play_record_refused (device_id, fingerprint, seq, payload,"
            + " sig, code, message, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String REFUSED_EXISTS = "SELECT COUNT(*) FROM play_record_refused WHERE device_id = ?"
            + " AND fingerprint = ?";
    private static final String BY_SEQ = "SELECT * FROM play_record WHERE device_id = ? AND seq = ?";
    private static final String HASHES_BETWEEN = "SELECT seq, record_hash FROM play_record WHERE device_id = ?"
            + " AND seq BETWEEN ? AND ?";
    private static final String HASH_AT = "SELECT seq, record_hash FROM play_record WHERE device_id = ? AND seq = ?";
    private static final String OF_ENDPOINT_DUE = "SELECT * FROM play_record WHERE endpoint_id = ?"
            + " AND scheduled_start >= ? AND scheduled_start < ? ORDER BY device_id, seq";
    private static final String DUE_SEQS = "SELECT MIN(seq), MAX(seq) FROM play_record WHERE device_id = ?"
            + " AND scheduled_start >= ? AND scheduled_start < ?";
    private static final String SEQ_RANGE = "SELECT * FROM play_record WHERE device_id = ? AND seq >= ? AND seq <= ?"
            + " ORDER BY seq";
    private static final String CONFLICTS = "SELECT seq, payload, sig FROM play_record_conflict WHERE device_id = ?"
            + " AND seq >= ? AND seq <= ? ORDER BY seq, id";
    private static final String REFUSED = "SELECT seq, payload, sig, code, message FROM play_record_refused"
            + " WHERE device_id = ? ORDER BY id";
    private static final String HAS_LOOP_PLAY = "SELECT COUNT(*) FROM play_record WHERE endpoint_id = ?"
            + " AND scheduled_start >= ? AND scheduled_start < ? AND mode IN ('LOOP', 'STREAM') AND campaign_id = ?";
    private static final String BY_DEVICE = "SELECT * FROM play_record WHERE device_id = ? ORDER BY seq";
    private static final String RECENT = "SELECT * FROM play_record ORDER BY received_at DESC, seq DESC"
            + " FETCH FIRST ? ROWS ONLY";
    private static final String CONFLICT_COUNT = "SELECT COUNT(*) FROM play_record_conflict WHERE device_id = ?";

    public void insert(Connection c, StoredPlay p) throws SQLException {
        Sql.update(c, INSERT, values(p));
    }

    /** Many records in one JDBC batch. */
    public void insertAll(Connection c, Collection<StoredPlay> records) throws SQLException {
        Sql.batch(c, INSERT, records.stream().map(PlayRecordRepository::values).toList());
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

    /** The first and last seq of a device's records due in [fromMs, toMs); empty when none is. */
    public Optional<long[]> dueSeqs(Connection c, String deviceId, long fromMs, long toMs) throws SQLException {
        return Sql.one(c, DUE_SEQS, rs -> {
            long first = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {first, rs.getLong(2)};
        }, deviceId, fromMs, toMs).filter(r -> r != null);
    }

    /** A device's stored records with seq in [firstSeq, lastSeq], by seq. */
    public List<StoredPlay> seqRange(Connection c, String deviceId, long firstSeq, long lastSeq) throws SQLException {
        return Sql.list(c, SEQ_RANGE, PlayRecordRepository::map, deviceId, firstSeq, lastSeq);
    }

    /** The records kept aside as conflicts with seq in [firstSeq, lastSeq]. */
    public List<EvidenceBundle.Aside> conflicts(Connection c, String deviceId, long firstSeq, long lastSeq)
            throws SQLException {
        return Sql.list(c, CONFLICTS, rs -> new EvidenceBundle.Aside(rs.getLong(1),
                new SignedRecord(rs.getString(2), rs.getString(3))), deviceId, firstSeq, lastSeq);
    }

    /** The device's refused records as kept (payload or sig null when they were not keepable). */
    public List<EvidenceBundle.Refused> refused(Connection c, String deviceId) throws SQLException {
        return Sql.list(c, REFUSED, rs -> new EvidenceBundle.Refused(Sql.nullableLong(rs, "seq"),
                new SignedRecord(rs.getString("payload"), rs.getString("sig")), rs.getString("code"),
                rs.getString("message")), deviceId);
    }

    /** The records of an endpoint's devices due in [fromMs, toMs). */
    public List<StoredPlay> ofEndpointDue(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        return Sql.list(c, OF_ENDPOINT_DUE, PlayRecordRepository::map, endpointId, fromMs, toMs);
    }

    /** Whether the endpoint's device sent a record of a loop item of this campaign due in [fromMs, toMs). */
    public boolean hasLoopPlay(Connection c, long endpointId, long campaignId, long fromMs, long toMs)
            throws SQLException {
        return Sql.one(c, HAS_LOOP_PLAY, rs -> rs.getLong(1), endpointId, fromMs, toMs, campaignId).orElse(0L) > 0;
    }

    public Optional<StoredPlay> bySeq(Connection c, String deviceId, long seq) throws SQLException {
        return Sql.one(c, BY_SEQ, PlayRecordRepository::map, deviceId, seq);
    }

    /**
     * The record hashes a device has stored at these seqs (a seq with none is absent): one range read when the
     * seqs lie close together, as a batch's do, else one read each.
     */
    public Map<Long, String> hashesAt(Connection c, String deviceId, SortedSet<Long> seqs) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        if (seqs.isEmpty()) {
            return out;
        }
        List<Map.Entry<Long, String>> found = new ArrayList<>();
        if (seqs.last() - seqs.first() < 4L * seqs.size()) {
            found.addAll(Sql.list(c, HASHES_BETWEEN, PlayRecordRepository::hashEntry, deviceId, seqs.first(),
                    seqs.last()));
        } else {
            for (long seq : seqs) {
                found.addAll(Sql.list(c, HASH_AT, PlayRecordRepository::hashEntry, deviceId, seq));
            }
        }
        found.stream().filter(e -> seqs.contains(e.getKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
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

    public long conflictCount(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, CONFLICT_COUNT, rs -> rs.getLong(1), deviceId).orElse(0L);
    }

    private static Map.Entry<Long, String> hashEntry(ResultSet rs) throws SQLException {
        return Map.entry(rs.getLong(1), rs.getString(2));
    }

    private static Object[] values(StoredPlay p) {
        return new Object[] {p.deviceId(), p.seq(), p.endpointId(), p.payload(), p.sig(), p.hash(), p.prevHash(),
            p.entryId(), p.campaignId(), p.broadcastClass(), p.mode(), p.sha256(), p.scheduledStart(),
            p.actualStart(), p.actualEnd(), p.outcome(), p.reason(), p.chainBroken(), p.receivedAt(),
            p.names().campaignName(), p.names().assetName(), p.names().endpointName(), p.names().areaId(),
            p.names().areaName(), p.names().topic()};
    }

    private static StoredPlay map(ResultSet rs) throws SQLException {
        return new StoredPlay(rs.getString("device_id"), rs.getLong("seq"), rs.getLong("endpoint_id"),
                rs.getString("payload"), rs.getString("sig"), rs.getString("record_hash"), rs.getString("prev_hash"),
                rs.getString("entry_id"), Sql.nullableLong(rs, "campaign_id"), rs.getString("broadcast_class"),
                rs.getString("mode"), rs.getString("sha256"), Sql.nullableLong(rs, "scheduled_start"),
                Sql.nullableLong(rs, "actual_start"), Sql.nullableLong(rs, "actual_end"), rs.getString("outcome"),
                rs.getString("reason"), rs.getBoolean("chain_broken"), rs.getLong("received_at"),
                new PlayNames(rs.getString("campaign_name"), rs.getString("asset_name"), rs.getString("endpoint_name"),
                        Sql.nullableLong(rs, "area_id"), rs.getString("area_name"), rs.getString("topic")));
    }
}
