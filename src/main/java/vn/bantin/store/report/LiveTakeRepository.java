package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import vn.bantin.evidence.report.Preemption;
import vn.bantin.store.Sql;

/**
 * What the evidence needs to know of live sessions on one endpoint: which session it took was on the air at a time
 * (it took the air from what was planned then), which live entries it was expected to play at an instant, and when
 * its connection history shows it went silent.
 */
public final class LiveTakeRepository {

    /** An endpoint "took" a session unless quiet hours refused it or it was offline when the session opened. */
    private static final String ON_AIR = "SELECT s.id, s.title, s.epoch_ms, s.ended_at FROM live_session s"
            + " JOIN live_session_endpoint e ON e.session_id = s.id WHERE e.endpoint_id = ?"
            + " AND e.state IN ('WAITING', 'PLAYING') AND s.epoch_ms IS NOT NULL AND s.epoch_ms < ?"
            + " AND (s.ended_at IS NULL OR s.ended_at > ?) ORDER BY s.epoch_ms, s.id FETCH FIRST 1 ROWS ONLY";
    private static final String LIVE_ENTRIES_AT = "SELECT entry_id FROM expected_play WHERE endpoint_id = ?"
            + " AND campaign_id < 0 AND start_ms <= ? AND end_ms > ? AND reason IS NULL ORDER BY start_ms, entry_id";
    private static final String DISCONNECTED = "SELECT MIN(disconnected_at) FROM endpoint_connection"
            + " WHERE endpoint_id = ? AND disconnected_at >= ? AND disconnected_at < ?";

    /** The first session the endpoint took that was on the air at some time in [fromMs, toMs). */
    public Optional<Preemption> onAirDuring(Connection c, long endpointId, long fromMs, long toMs)
            throws SQLException {
        return Sql.one(c, ON_AIR, rs -> new Preemption(rs.getLong("id"), rs.getString("title"), rs.getLong("epoch_ms"),
                Sql.nullableLong(rs, "ended_at")), endpointId, toMs, fromMs);
    }

    /** Live sessions' entries the endpoint was expected to play at atMs, with no reason known yet. */
    public List<String> liveEntriesAt(Connection c, long endpointId, long atMs) throws SQLException {
        return Sql.list(c, LIVE_ENTRIES_AT, rs -> rs.getString(1), endpointId, atMs, atMs);
    }

    /** The first last-contact-before-a-silence of the endpoint in [fromMs, toMs), as its connection history has it. */
    public Optional<Long> disconnectedDuring(Connection c, long endpointId, long fromMs, long toMs)
            throws SQLException {
        List<Long> first = Sql.list(c, DISCONNECTED, rs -> {
            long at = rs.getLong(1);
            return rs.wasNull() ? null : at;
        }, endpointId, fromMs, toMs);
        return first.stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
