package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.store.Sql;

/** report_window: LOOP windows the plan put on endpoints, per local date and content kind. */
public final class WindowRepository {

    private static final String COLUMNS = "endpoint_id, entry_id, local_day, kind, window_start_ms, start_ms, end_ms,"
            + " ms, campaign_id, reason";
    private static final String INSERT = "INSERT INTO report_window (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?)";
    private static final String DELETE_ENTRY = "DELETE FROM report_window WHERE endpoint_id = ? AND entry_id = ?";
    private static final String OF_ENTRY = "SELECT " + COLUMNS + " FROM report_window WHERE endpoint_id = ?"
            + " AND entry_id = ?";
    private static final String FUTURE = "SELECT " + COLUMNS + " FROM report_window WHERE endpoint_id = ?"
            + " AND window_start_ms >= ?";
    private static final String DUE = "SELECT " + COLUMNS + " FROM report_window WHERE local_day >= ?"
            + " AND local_day <= ? AND start_ms < ?";

    public void insert(Connection c, Collection<WindowPart> parts) throws SQLException {
        if (parts.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (WindowPart p : parts) {
                ps.setLong(1, p.endpointId());
                ps.setString(2, p.entryId());
                ps.setDate(3, Date.valueOf(p.day()));
                ps.setString(4, p.kind().name());
                ps.setLong(5, p.windowStartMs());
                ps.setLong(6, p.startMs());
                ps.setLong(7, p.endMs());
                ps.setLong(8, p.ms());
                ps.setLong(9, p.campaignId());
                ps.setString(10, p.reason() == null ? null : p.reason().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void deleteEntry(Connection c, long endpointId, String entryId) throws SQLException {
        Sql.update(c, DELETE_ENTRY, endpointId, entryId);
    }

    public List<WindowPart> ofEntry(Connection c, long endpointId, String entryId) throws SQLException {
        return Sql.list(c, OF_ENTRY, WindowRepository::map, endpointId, entryId);
    }

    /** Parts of windows of an endpoint that start at or after fromMs. */
    public List<WindowPart> windowsFrom(Connection c, long endpointId, long fromMs) throws SQLException {
        return Sql.list(c, FUTURE, WindowRepository::map, endpointId, fromMs);
    }

    /** Parts on first..last that started before untilMs. */
    public void due(Connection c, LocalDate first, LocalDate last, long untilMs, Consumer<WindowPart> sink)
            throws SQLException {
        for (WindowPart p : Sql.list(c, DUE, WindowRepository::map, Date.valueOf(first), Date.valueOf(last), untilMs)) {
            sink.accept(p);
        }
    }

    private static WindowPart map(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return new WindowPart(rs.getLong("endpoint_id"), rs.getString("entry_id"),
                rs.getDate("local_day").toLocalDate(), AssetKind.valueOf(rs.getString("kind")),
                rs.getLong("window_start_ms"), rs.getLong("start_ms"), rs.getLong("end_ms"), rs.getLong("ms"),
                rs.getLong("campaign_id"), reason == null ? null : PlanReason.valueOf(reason));
    }
}
