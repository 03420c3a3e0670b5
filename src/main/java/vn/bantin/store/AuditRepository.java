package vn.bantin.store;

import vn.bantin.audit.AuditRecord;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit trail's rows: inserted, read, never updated or deleted. */
public final class AuditRepository {

    /**
     * Filters of a trail query; null fields do not filter. Areas: null means every area. An object key without a
     * slash ({@code campaigns}) names a kind: every record about any campaign. With {@code beforeSeq} the page
     * runs backwards, newest first, from just below that seq (afterSeq still bounds it below).
     */
    public record Query(List<Long> areaIds, String actor, String objectKey, Long fromMs, Long toMs, long afterSeq,
                        int limit, Long beforeSeq) {

        public Query(List<Long> areaIds, String actor, String objectKey, Long fromMs, Long toMs, long afterSeq,
                     int limit) {
            this(areaIds, actor, objectKey, fromMs, toMs, afterSeq, limit, null);
        }
    }

    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[a-z-]+");

    public Optional<AuditRecord> last(Connection c) throws SQLException {
        return Sql.one(c, "SELECT * FROM audit_record ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY",
                AuditRepository::map);
    }

    public void insert(Connection c, AuditRecord r) throws SQLException {
        Sql.update(c, "INSERT INTO audit_record (seq, at_ms, actor_key, actor_name, actor_role, area_id, address,"
                        + " action, object_key, outcome, before_json, after_json, prev_hash, record_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.seq(), r.atMs(), r.actorKey(),
                r.actorName(), r.actorRole(), r.areaId(), r.address(), r.action(), r.objectKey(), r.outcome(),
                r.before(), r.after(), r.prevHash(), r.recordHash());
    }

    /** The latest state recorded for an object (the "before" of its next change). */
    public Optional<String> lastAfter(Connection c, String objectKey) throws SQLException {
        return Sql.one(c, "SELECT after_json FROM audit_record WHERE object_key = ? AND after_json IS NOT NULL"
                + " ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), objectKey);
    }

    public List<AuditRecord> find(Connection c, Query q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record WHERE seq > ?");
        List<Object> params = new ArrayList<>(List.of(q.afterSeq()));
        if (q.areaIds() != null) {
            if (q.areaIds().isEmpty()) {
                return List.of();
            }
            sql.append(" AND area_id IN (").append(String.join(", ", java.util.Collections.nCopies(q.areaIds().size(),
                    "?"))).append(")");
            params.addAll(q.areaIds());
        }
        if (q.actor() != null) {
            sql.append(" AND actor_name = ?");
            params.add(q.actor());
        }
        if (q.objectKey() != null && KIND.matcher(q.objectKey()).matches()) {
            sql.append(" AND (object_key = ? OR object_key LIKE ?)");
            params.add(q.objectKey());
            params.add(q.objectKey() + "/%");
        } else if (q.objectKey() != null) {
            sql.append(" AND object_key = ?");
            params.add(q.objectKey());
        }
        if (q.beforeSeq() != null) {
            sql.append(" AND seq < ?");
            params.add(q.beforeSeq());
        }
        if (q.fromMs() != null) {
            sql.append(" AND at_ms >= ?");
            params.add(q.fromMs());
        }
        if (q.toMs() != null) {
            sql.append(" AND at_ms < ?");
            params.add(q.toMs());
        }
        sql.append(q.beforeSeq() == null ? " ORDER BY seq" : " ORDER BY seq DESC").append(" FETCH FIRST ? ROWS ONLY");
        params.add(q.limit());
        return Sql.list(c, sql.toString(), AuditRepository::map, params.toArray());
    }

    private static AuditRecord map(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getLong("at_ms"), rs.getString("actor_key"),
                rs.getString("actor_name"), rs.getString("actor_role"), Sql.nullableLong(rs, "area_id"),
                rs.getString("address"), rs.getString("action"), rs.getString("object_key"), rs.getInt("outcome"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("prev_hash"),
                rs.getString("record_hash"));
    }
}
