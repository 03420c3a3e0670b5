package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import vn.bantin.evidence.report.NameHistory.Named;
import vn.bantin.evidence.report.NameHistory.Use;
import vn.bantin.store.Sql;

/** report_name: the change points of the names the evidence used (no unique key: concurrent ingests may note one twice). */
public final class NameHistoryRepository {

    private static final String UNTIL = "SELECT kind, object_id, since_ms, name FROM report_name WHERE since_ms < ?"
            + " ORDER BY kind, object_id, since_ms, name";
    private static final String IN_USE_AT = "SELECT name FROM report_name WHERE kind = ? AND object_id = ?"
            + " AND since_ms = (SELECT MAX(since_ms) FROM report_name WHERE kind = ? AND object_id = ? AND since_ms <= ?)"
            + " ORDER BY name DESC";
    private static final String DROP_OTHERS_AT = "DELETE FROM report_name WHERE kind = ? AND object_id = ?"
            + " AND since_ms = ? AND name <> ?";
    private static final String INSERT = "INSERT INTO report_name (kind, object_id, since_ms, name) VALUES (?, ?, ?, ?)";

    /** Every change point before untilMs, in the order {@link vn.bantin.evidence.report.NameHistory} expects. */
    public List<Use> until(Connection c, long untilMs) throws SQLException {
        return Sql.list(c, UNTIL, rs -> new Use(Named.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                rs.getString(4)), untilMs);
    }

    public Optional<String> inUseAt(Connection c, Named kind, long objectId, long ms) throws SQLException {
        return Sql.list(c, IN_USE_AT, rs -> rs.getString(1), kind.name(), objectId, kind.name(), objectId, ms)
                .stream().findFirst();
    }

    /** The name in use from u.sinceMs() on; another name noted at that very instant gives way. */
    public void note(Connection c, Use u) throws SQLException {
        Sql.update(c, DROP_OTHERS_AT, u.kind().name(), u.objectId(), u.sinceMs(), u.name());
        Sql.update(c, INSERT, u.kind().name(), u.objectId(), u.sinceMs(), u.name());
    }
}
