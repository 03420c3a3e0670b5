package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Pages of recent play records for people to browse, newest first, with the filters the dashboard offers. */
public final class PlayPageRepository {

    public record Filter(Collection<Long> endpointIds, String outcome, String broadcastClass, int offset,
                         int limit) {
    }

    public record PlayRow(long endpointId, long seq, String entryId, Long campaignId, String broadcastClass,
                          String sha256, Long scheduledStart, Long actualStart, Long actualEnd, String outcome,
                          String reason) {
    }

    private static final String COLUMNS = "SELECT endpoint_id, seq, entry_id, campaign_id, broadcast_class, sha256,"
            + " scheduled_start, actual_start, actual_end, outcome, reason FROM play_record";

    /** {@code endpointIds} null: every endpoint; empty: none. */
    public List<PlayRow> page(Connection c, Filter f) throws SQLException {
        if (f.endpointIds() != null && f.endpointIds().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.endpointIds() != null) {
            sql.append(" AND endpoint_id IN (").append(String.join(", ",
                    f.endpointIds().stream().map(id -> "?").toList())).append(')');
            params.addAll(f.endpointIds());
        }
        if (f.outcome() != null) {
            sql.append(" AND outcome = ?");
            params.add(f.outcome());
        }
        if (f.broadcastClass() != null) {
            sql.append(" AND broadcast_class = ?");
            params.add(f.broadcastClass());
        }
        sql.append(" ORDER BY received_at DESC, seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add(f.offset());
        params.add(f.limit());
        return Sql.list(c, sql.toString(), rs -> new PlayRow(rs.getLong("endpoint_id"), rs.getLong("seq"),
                rs.getString("entry_id"), Sql.nullableLong(rs, "campaign_id"), rs.getString("broadcast_class"),
                rs.getString("sha256"), Sql.nullableLong(rs, "scheduled_start"), Sql.nullableLong(rs, "actual_start"),
                Sql.nullableLong(rs, "actual_end"), rs.getString("outcome"), rs.getString("reason")),
                params.toArray());
    }
}
