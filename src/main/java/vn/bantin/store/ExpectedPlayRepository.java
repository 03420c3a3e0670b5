package vn.bantin.store;

import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.ExpectedPlay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ONCE entries issued to endpoints. Entries already due stay as issued (they are what the report
 * expects); entries still ahead are replaced by each new compilation.
 */
public final class ExpectedPlayRepository {

    private static final String DELETE_FUTURE = "DELETE FROM expected_play WHERE endpoint_id = ? AND start_ms >= ?";
    private static final String IDS = "SELECT entry_id FROM expected_play WHERE endpoint_id = ?";
    private static final String INSERT = "INSERT INTO expected_play (endpoint_id, entry_id, campaign_id, start_ms,"
            + " duration_ms, asset_kind) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String IN_PERIOD = "SELECT * FROM expected_play WHERE start_ms >= ? AND start_ms < ?"
            + " ORDER BY start_ms";

    public void replaceFuture(Connection c, long endpointId, long nowMs, List<ExpectedPlay> plays)
            throws SQLException {
        Sql.update(c, DELETE_FUTURE, endpointId, nowMs);
        Set<String> known = new HashSet<>(Sql.list(c, IDS, rs -> rs.getString(1), endpointId));
        for (ExpectedPlay p : plays) {
            if (p.startMs() >= nowMs && known.add(p.entryId())) {
                Sql.update(c, INSERT, p.endpointId(), p.entryId(), p.campaignId(), p.startMs(), p.durationMs(),
                        p.kind().name());
            }
        }
    }

    public List<ExpectedPlay> startingIn(Connection c, long fromMs, long toMs) throws SQLException {
        return Sql.list(c, IN_PERIOD, rs -> new ExpectedPlay(rs.getLong("endpoint_id"), rs.getLong("campaign_id"),
                rs.getString("entry_id"), rs.getLong("start_ms"), rs.getLong("duration_ms"),
                AssetKind.valueOf(rs.getString("asset_kind"))), fromMs, toMs);
    }
}
