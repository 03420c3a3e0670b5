package vn.bantin.store;

import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.evidence.report.PlanReason;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded plan (table expected_play). What started before "now" is history: it is never replaced,
 * only an ongoing item's end may move (its not-yet-started part). Items ahead are replaced by each new
 * recording, those unchanged kept as they are (with their delivery).
 */
public final class ExpectedPlayRepository {

    /** An ended item not yet classified, with what classifying it needs. */
    public record Unclassified(long endpointId, String entryId, SlotMode mode, long campaignId, long startMs,
                               long endMs, Long deliveredAt) {
    }

    private static final String COLUMNS = "endpoint_id, entry_id, mode, state, campaign_id, alert_id, broadcast_class,"
            + " start_ms, end_ms, duration_ms, asset_kind, sha256, campaign_name, asset_name, endpoint_name, area_id,"
            + " area_name, topic, conflict_reason, planned_at, reason";
    private static final String INSERT = "INSERT INTO expected_play (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Live sessions (negative campaign) are recorded by {@link #recordLive}, never replaced by a compiled plan. */
    private static final String NOT_ENDED = "SELECT * FROM expected_play WHERE endpoint_id = ? AND end_ms > ?"
            + " AND campaign_id >= 0";
    private static final String REMOVE = "DELETE FROM expected_play WHERE endpoint_id = ? AND entry_id = ?"
            + " AND start_ms >= ?";
    private static final String MOVE_END = "UPDATE expected_play SET end_ms = ?, duration_ms = ? - start_ms"
            + " WHERE endpoint_id = ? AND entry_id = ?";
    private static final String DELIVER_ONCE = "UPDATE expected_play SET delivered_at = ? WHERE endpoint_id = ?"
            + " AND entry_id = ? AND delivered_at IS NULL AND end_ms > ?";
    private static final String DELIVER_LOOP = "UPDATE expected_play SET delivered_at = ? WHERE endpoint_id = ?"
            + " AND mode IN ('LOOP', 'STREAM') AND campaign_id = ? AND start_ms < ? AND end_ms > ? AND delivered_at IS NULL"
            + " AND end_ms > ?";
    private static final String UNCLASSIFIED = "SELECT endpoint_id, entry_id, mode, campaign_id, start_ms, end_ms,"
            + " delivered_at FROM expected_play WHERE classified_at IS NULL AND state = 'PLANNED' AND end_ms < ?"
            + " ORDER BY end_ms FETCH FIRST ? ROWS ONLY";
    private static final String CLASSIFY = "UPDATE expected_play SET reason = ?, classified_at = ? WHERE endpoint_id = ?"
            + " AND entry_id = ?";
    private static final String OF_ENDPOINT = "SELECT * FROM expected_play WHERE endpoint_id = ? AND start_ms >= ?"
            + " AND start_ms < ? ORDER BY start_ms, entry_id";
    /** Entry ids per IN list: well under every database's parameter limit. */
    private static final int IDS_PER_READ = 500;
    private static final String BY_ID = "SELECT * FROM expected_play WHERE endpoint_id = ? AND entry_id = ?";
    private static final String WITH_CAMPAIGNS = "SELECT DISTINCT endpoint_id FROM expected_play WHERE end_ms > ?"
            + " AND campaign_id = ?";

    /**
     * Makes {@code plan} the plan from {@code nowMs} on: items ahead that it no longer holds are removed,
     * changed ones replaced, new ones added; an ongoing item it ends earlier (a loop cut by an alert, a
     * campaign withdrawn) ends at the new end, never before now.
     */
    public void replaceFuture(Connection c, long endpointId, long nowMs, List<ExpectedPlay> plan)
            throws SQLException {
        Map<String, ExpectedPlay> wanted = new HashMap<>();
        for (ExpectedPlay p : plan) {
            wanted.put(p.entryId(), p);
        }
        Map<String, ExpectedPlay> kept = new HashMap<>();
        for (RecordedExpectation stored : Sql.list(c, NOT_ENDED, ExpectedPlayRepository::map, endpointId, nowMs)) {
            ExpectedPlay old = stored.play();
            ExpectedPlay now = wanted.get(old.entryId());
            if (old.startMs() < nowMs) {
                kept.put(old.entryId(), old);
                long newEnd = now == null ? (old.mode().hasWindow() ? nowMs : old.endMs()) : Math.max(nowMs, now.endMs());
                if (newEnd != old.endMs()) {
                    Sql.update(c, MOVE_END, newEnd, newEnd, endpointId, old.entryId());
                }
            } else if (old.equals(now)) {
                kept.put(old.entryId(), old);
            } else {
                Sql.update(c, REMOVE, endpointId, old.entryId(), nowMs);
            }
        }
        List<Object[]> inserts = new ArrayList<>();
        for (ExpectedPlay p : plan) {
            if (p.startMs() >= nowMs && !kept.containsKey(p.entryId())) {
                inserts.add(values(p, nowMs));
            }
        }
        Sql.batch(c, INSERT, inserts);
    }

    /**
     * Records a live session an endpoint took, from the moment it went on air; recorded again, only its end moves (an
     * open session is expected up to its longest time on air, until it ends). {@code reason}: known from the start
     * that no record can come (the endpoint was offline when the session opened), else null.
     *
     * @return whether it is new
     */
    public boolean recordLive(Connection c, ExpectedPlay p, PlanReason reason, long nowMs) throws SQLException {
        java.util.Optional<RecordedExpectation> stored = byId(c, p.endpointId(), p.entryId());
        if (stored.isPresent()) {
            if (stored.get().play().endMs() != p.endMs()) {
                Sql.update(c, MOVE_END, p.endMs(), p.endMs(), p.endpointId(), p.entryId());
            }
            return false;
        }
        Object[] row = values(p, nowMs);
        row[row.length - 1] = reason == null ? null : reason.name();
        Sql.update(c, INSERT, row);
        if (reason != null) {
            classify(c, p.endpointId(), p.entryId(), reason, nowMs);
        }
        return true;
    }

    private static Object[] values(ExpectedPlay p, long nowMs) {
        PlayNames n = p.names();
        return new Object[] {p.endpointId(), p.entryId(), p.mode().name(), p.dropped() ? "DROPPED" : "PLANNED",
                p.campaignId(), p.alertId(), p.broadcastClass().name(), p.startMs(), p.endMs(), p.endMs() - p.startMs(),
                p.kind().name(), p.sha256(), n.campaignName(), n.assetName(), n.endpointName(), n.areaId(),
                n.areaName(), n.topic(), p.conflictReason(), nowMs, p.dropped() ? PlanReason.DROPPED.name() : null};
    }

    /** The endpoint fetched a timeline holding these entries: those still ahead of {@code nowMs} are delivered. */
    public void delivered(Connection c, long endpointId, long nowMs, List<String> onceIds, List<long[]> loops)
            throws SQLException {
        Sql.batch(c, DELIVER_ONCE, onceIds.stream().map(id -> new Object[] {nowMs, endpointId, id, nowMs}).toList());
        Sql.batch(c, DELIVER_LOOP, loops.stream()
                .map(loop -> new Object[] {nowMs, endpointId, loop[0], loop[2], loop[1], nowMs}).toList());
    }

    /** Planned items that ended before {@code beforeMs} and were never classified, oldest first. */
    public List<Unclassified> unclassified(Connection c, long beforeMs, int limit) throws SQLException {
        return Sql.list(c, UNCLASSIFIED, rs -> new Unclassified(rs.getLong("endpoint_id"), rs.getString("entry_id"),
                SlotMode.valueOf(rs.getString("mode")), rs.getLong("campaign_id"), rs.getLong("start_ms"),
                rs.getLong("end_ms"), Sql.nullableLong(rs, "delivered_at")), beforeMs, limit);
    }

    /** Records the classification; {@code reason} null means none known (a record may still come). */
    public void classify(Connection c, long endpointId, String entryId, PlanReason reason, long nowMs)
            throws SQLException {
        Sql.update(c, CLASSIFY, reason == null ? null : reason.name(), nowMs, endpointId, entryId);
    }

    /** An endpoint's recorded plan starting in [fromMs, toMs), by start. */
    public List<RecordedExpectation> ofEndpoint(Connection c, long endpointId, long fromMs, long toMs)
            throws SQLException {
        return Sql.list(c, OF_ENDPOINT, ExpectedPlayRepository::map, endpointId, fromMs, toMs);
    }

    public java.util.Optional<RecordedExpectation> byId(Connection c, long endpointId, String entryId)
            throws SQLException {
        return Sql.one(c, BY_ID, ExpectedPlayRepository::map, endpointId, entryId);
    }

    /** The recorded items of an endpoint with these entry ids (an id with none is absent), in few reads. */
    public Map<String, RecordedExpectation> byIds(Connection c, long endpointId, java.util.Collection<String> entryIds)
            throws SQLException {
        Map<String, RecordedExpectation> out = new HashMap<>();
        List<String> ids = new ArrayList<>(entryIds);
        for (int i = 0; i < ids.size(); i += IDS_PER_READ) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IDS_PER_READ));
            Object[] params = new Object[chunk.size() + 1];
            params[0] = endpointId;
            for (int j = 0; j < chunk.size(); j++) {
                params[j + 1] = chunk.get(j);
            }
            for (RecordedExpectation e : Sql.list(c, "SELECT * FROM expected_play WHERE endpoint_id = ? AND entry_id IN ("
                    + "?, ".repeat(chunk.size() - 1) + "?)", ExpectedPlayRepository::map, params)) {
                out.putIfAbsent(e.play().entryId(), e);
            }
        }
        return out;
    }

    /** Endpoints holding not-yet-ended items of this campaign: a change to it must reach them too. */
    public List<Long> endpointsWithCampaign(Connection c, long campaignId, long nowMs) throws SQLException {
        return Sql.list(c, WITH_CAMPAIGNS, rs -> rs.getLong(1), nowMs, campaignId);
    }

    private static RecordedExpectation map(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        ExpectedPlay play = new ExpectedPlay(rs.getLong("endpoint_id"), rs.getString("entry_id"),
                SlotMode.valueOf(rs.getString("mode")), "DROPPED".equals(rs.getString("state")),
                rs.getLong("campaign_id"), Sql.nullableLong(rs, "alert_id"),
                BroadcastClass.valueOf(rs.getString("broadcast_class")), rs.getLong("start_ms"), rs.getLong("end_ms"),
                AssetKind.valueOf(rs.getString("asset_kind")), rs.getString("sha256"),
                new PlayNames(rs.getString("campaign_name"), rs.getString("asset_name"), rs.getString("endpoint_name"),
                        Sql.nullableLong(rs, "area_id"), rs.getString("area_name"), rs.getString("topic")),
                rs.getString("conflict_reason"));
        Long planned = Sql.nullableLong(rs, "planned_at");
        return new RecordedExpectation(play, planned == null ? 0 : planned, Sql.nullableLong(rs, "delivered_at"),
                reason == null ? null : PlanReason.valueOf(reason));
    }
}
