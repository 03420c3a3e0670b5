package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.store.Sql;

/** report_entry: the report's state of each ONCE entry per endpoint. */
public final class EntryRepository {

    private static final String COLUMNS = "endpoint_id, entry_id, expected, campaign_id, kind, local_day, start_ms,"
            + " reason, record_outcome, record_at, record_seq";
    private static final String DELETE = "DELETE FROM report_entry WHERE endpoint_id = ? AND entry_id = ?";
    private static final String INSERT = "INSERT INTO report_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?)";
    /** Live sessions' entries (negative campaign) are no part of the compiled plan a new recording replaces. */
    private static final String FUTURE = "SELECT " + COLUMNS + " FROM report_entry WHERE endpoint_id = ?"
            + " AND expected = TRUE AND start_ms >= ? AND campaign_id >= 0";
    private static final String DUE = "SELECT " + COLUMNS + " FROM report_entry WHERE local_day >= ?"
            + " AND local_day <= ? AND expected = TRUE AND start_ms < ?";
    private static final String DUE_OF_ENDPOINT = "SELECT " + COLUMNS + " FROM report_entry WHERE endpoint_id = ?"
            + " AND local_day >= ? AND local_day <= ? AND expected = TRUE AND start_ms < ?";
    private static final String ONE = "SELECT " + COLUMNS + " FROM report_entry WHERE endpoint_id = ?"
            + " AND entry_id = ?";
    private static final String EXCEPTIONS = "SELECT " + COLUMNS + " FROM report_entry WHERE endpoint_id = ?"
            + " AND local_day >= ? AND local_day <= ? AND expected = TRUE AND start_ms < ?"
            + " AND (record_outcome IS NULL OR record_outcome <> 'PLAYED')";
    private static final int CHUNK = 500;

    /** The stored states of these entries of one endpoint, by entry id. */
    public Map<String, EntryState> byIds(Connection c, long endpointId, Collection<String> entryIds)
            throws SQLException {
        Map<String, EntryState> out = new HashMap<>();
        List<String> ids = new ArrayList<>(entryIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            String sql = "SELECT " + COLUMNS + " FROM report_entry WHERE endpoint_id = ? AND entry_id IN ("
                    + "?, ".repeat(chunk.size() - 1) + "?)";
            Object[] params = new Object[chunk.size() + 1];
            params[0] = endpointId;
            for (int j = 0; j < chunk.size(); j++) {
                params[j + 1] = chunk.get(j);
            }
            for (EntryState e : Sql.list(c, sql, EntryRepository::map, params)) {
                out.put(e.entryId(), e);
            }
        }
        return out;
    }

    public java.util.Optional<EntryState> byId(Connection c, long endpointId, String entryId) throws SQLException {
        return Sql.one(c, ONE, EntryRepository::map, endpointId, entryId);
    }

    /** Expected entries of an endpoint starting at or after fromMs. */
    public List<EntryState> expectedFrom(Connection c, long endpointId, long fromMs) throws SQLException {
        return Sql.list(c, FUTURE, EntryRepository::map, endpointId, fromMs);
    }

    /** Expected entries on first..last that started before untilMs. */
    public void due(Connection c, LocalDate first, LocalDate last, long untilMs, Consumer<EntryState> sink)
            throws SQLException {
        for (EntryState e : Sql.list(c, DUE, EntryRepository::map, Date.valueOf(first), Date.valueOf(last), untilMs)) {
            sink.accept(e);
        }
    }

    /** The same for one endpoint. */
    public void dueOf(Connection c, long endpointId, LocalDate first, LocalDate last, long untilMs,
                      Consumer<EntryState> sink) throws SQLException {
        for (EntryState e : Sql.list(c, DUE_OF_ENDPOINT, EntryRepository::map, endpointId, Date.valueOf(first),
                Date.valueOf(last), untilMs)) {
            sink.accept(e);
        }
    }

    /**
     * Expected entries of one endpoint on first..last, due before untilMs, that did not play (optionally of one
     * campaign), by start time: at most limit of them.
     */
    public List<EntryState> exceptionsOf(Connection c, long endpointId, LocalDate first, LocalDate last,
                                         long untilMs, Long campaignId, int limit) throws SQLException {
        String sql = EXCEPTIONS + (campaignId == null ? "" : " AND campaign_id = ?")
                + " ORDER BY start_ms, entry_id FETCH FIRST " + limit + " ROWS ONLY";
        Object[] params = campaignId == null
                ? new Object[] {endpointId, Date.valueOf(first), Date.valueOf(last), untilMs}
                : new Object[] {endpointId, Date.valueOf(first), Date.valueOf(last), untilMs, campaignId};
        return Sql.list(c, sql, EntryRepository::map, params);
    }

    /** Writes the new states (replacing the stored ones); a state neither expected nor recorded is dropped. */
    public void save(Connection c, Collection<EntryState> states) throws SQLException {
        save(c, states, null);
    }

    /**
     * As {@link #save(Connection, Collection)}, when the caller read the stored rows of these entries: only the
     * entries in {@code stored} have a row to delete (a batch's records mostly name entries with no row yet, and a
     * DELETE finding nothing still searches the index for every one of them).
     */
    public void save(Connection c, Collection<EntryState> states, Set<String> stored) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        boolean deletes = false;
        boolean inserts = false;
        try (PreparedStatement delete = c.prepareStatement(DELETE); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (EntryState e : states) {
                if (stored == null || stored.contains(e.entryId())) {
                    delete.setLong(1, e.endpointId());
                    delete.setString(2, e.entryId());
                    delete.addBatch();
                    deletes = true;
                }
                if (e.expected() || e.recordOutcome() != null) {
                    bind(insert, e);
                    insert.addBatch();
                    inserts = true;
                }
            }
            if (deletes) {
                delete.executeBatch();
            }
            if (inserts) {
                insert.executeBatch();
            }
        }
    }

    /** Inserts states for entries that have no row yet (bulk loads); states with nothing to say are skipped. */
    public void insertNew(Connection c, Collection<EntryState> states) throws SQLException {
        boolean any = false;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (EntryState e : states) {
                if (e.expected() || e.recordOutcome() != null) {
                    bind(insert, e);
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, EntryState e) throws SQLException {
        ps.setLong(1, e.endpointId());
        ps.setString(2, e.entryId());
        ps.setBoolean(3, e.expected());
        ps.setLong(4, e.campaignId());
        ps.setString(5, e.kind().name());
        ps.setDate(6, e.day() == null ? null : Date.valueOf(e.day()));
        ps.setLong(7, e.startMs());
        ps.setString(8, e.reason() == null ? null : e.reason().name());
        ps.setString(9, e.recordOutcome() == null ? null : e.recordOutcome().name());
        ps.setLong(10, e.recordAt());
        ps.setLong(11, e.recordSeq());
    }

    private static EntryState map(ResultSet rs) throws SQLException {
        Date day = rs.getDate("local_day");
        String reason = rs.getString("reason");
        String outcome = rs.getString("record_outcome");
        return new EntryState(rs.getLong("endpoint_id"), rs.getString("entry_id"), rs.getBoolean("expected"),
                rs.getLong("campaign_id"), AssetKind.valueOf(rs.getString("kind")),
                day == null ? null : day.toLocalDate(), rs.getLong("start_ms"),
                reason == null ? null : PlanReason.valueOf(reason),
                outcome == null ? null : PlayOutcome.valueOf(outcome), rs.getLong("record_at"),
                rs.getLong("record_seq"));
    }
}
