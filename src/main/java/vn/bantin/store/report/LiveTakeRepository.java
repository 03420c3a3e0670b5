package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import vn.bantin.evidence.report.LiveAir;
import vn.bantin.store.Sql;

/**
 * What the evidence needs to know of live sessions on one endpoint: which sessions it took and the air each held
 * (its planned live entry, which ends when the session ends), which live entries it was expected to play at an
 * instant, and when its connection history shows it went silent.
 */
public final class LiveTakeRepository {

    /** An endpoint "took" a session unless quiet hours refused it or it was offline when the session opened. */
    private static final String TAKEN = "SELECT s.id, s.title, s.ended_at, p.start_ms, p.end_ms"
            + " FROM live_session_endpoint e JOIN live_session s ON s.id = e.session_id"
            + " JOIN expected_play p ON p.endpoint_id = e.endpoint_id AND p.campaign_id = 0 - s.id"
            + " WHERE e.endpoint_id = ? AND e.state IN ('WAITING', 'PLAYING') AND p.start_ms < ? AND p.end_ms > ?";
    private static final String LIVE_ENTRIES_AT = "SELECT entry_id FROM expected_play WHERE endpoint_id = ?"
            + " AND campaign_id < 0 AND start_ms <= ? AND end_ms > ? AND reason IS NULL ORDER BY start_ms, entry_id";
    private static final String DISCONNECTED = "SELECT MIN(disconnected_at) AS first_silence FROM endpoint_connection"
            + " WHERE endpoint_id = ? AND disconnected_at >= ? AND disconnected_at < ?";

    /** The air the sessions the endpoint took held at some time in [fromMs, toMs). */
    public LiveAir airDuring(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        return LiveAir.of(Sql.list(c, TAKEN, rs -> new LiveAir.Span(rs.getLong("id"), rs.getString("title"),
                rs.getLong("start_ms"), rs.getLong("end_ms"), Sql.nullableLong(rs, "ended_at")), endpointId, toMs,
                fromMs));
    }

    /** Live sessions' entries the endpoint was expected to play at atMs, with no reason known yet. */
    public List<String> liveEntriesAt(Connection c, long endpointId, long atMs) throws SQLException {
        return Sql.list(c, LIVE_ENTRIES_AT, rs -> rs.getString(1), endpointId, atMs, atMs);
    }

    /** The first last-contact-before-a-silence of the endpoint in [fromMs, toMs), as its connection history has it. */
    public Optional<Long> disconnectedDuring(Connection c, long endpointId, long fromMs, long toMs)
            throws SQLException {
        return Sql.list(c, DISCONNECTED, rs -> Sql.nullableLong(rs, "first_silence"), endpointId, fromMs, toMs).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }
}
