package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.evidence.report.PreemptedPart;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.store.Sql;

/**
 * report_window: LOOP windows the plan put on endpoints, per local date and content kind; and report_window_live:
 * the stretches of them live sessions the endpoint took held the air over.
 */
public final class WindowRepository {

    private static final String PART = "endpoint_id, entry_id, local_day, kind, window_start_ms, start_ms, end_ms, ms,"
            + " campaign_id";
    private static final String WINDOWS = "SELECT " + PART + ", reason FROM report_window WHERE ";
    private static final String TAKEN = "SELECT " + PART + ", session_id FROM report_window_live WHERE ";
    private static final String ENTRY = "endpoint_id = ? AND entry_id = ?";
    private static final String DAYS = "local_day >= ? AND local_day <= ? AND start_ms < ?";
    private static final String VALUES = ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = "INSERT INTO report_window (" + PART + ", reason" + VALUES;
    private static final String DELETE_ENTRY = "DELETE FROM report_window WHERE " + ENTRY;
    private static final String OF_ENTRY = WINDOWS + ENTRY;
    private static final String FUTURE = WINDOWS + "endpoint_id = ? AND window_start_ms >= ?";
    private static final String OVERLAPPING = WINDOWS + "endpoint_id = ? AND start_ms < ? AND end_ms > ?";
    private static final String DUE = WINDOWS + DAYS;
    private static final String DUE_OF_ENDPOINT = WINDOWS + "endpoint_id = ? AND " + DAYS;
    private static final String INSERT_TAKEN = "INSERT INTO report_window_live (" + PART + ", session_id" + VALUES;
    private static final String DELETE_TAKEN = "DELETE FROM report_window_live WHERE " + ENTRY;
    private static final String TAKEN_OF_ENTRY = TAKEN + ENTRY;
    private static final String TAKEN_DUE = TAKEN + DAYS;
    private static final String TAKEN_OF_ENDPOINT = TAKEN + "endpoint_id = ? AND " + DAYS;

    public void insert(Connection c, Collection<WindowPart> parts) throws SQLException {
        Sql.batch(c, INSERT, parts.stream().map(p -> row(p, p.reason() == null ? null : p.reason().name())).toList());
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

    /** Parts of windows of an endpoint with some time in [fromMs, toMs). */
    public List<WindowPart> overlapping(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        return Sql.list(c, OVERLAPPING, WindowRepository::map, endpointId, toMs, fromMs);
    }

    /** Parts on first..last that started before untilMs. */
    public void due(Connection c, LocalDate first, LocalDate last, long untilMs, Consumer<WindowPart> sink)
            throws SQLException {
        for (WindowPart p : Sql.list(c, DUE, WindowRepository::map, Date.valueOf(first), Date.valueOf(last), untilMs)) {
            sink.accept(p);
        }
    }

    /** The same for one endpoint. */
    public List<WindowPart> dueOf(Connection c, long endpointId, LocalDate first, LocalDate last, long untilMs)
            throws SQLException {
        return Sql.list(c, DUE_OF_ENDPOINT, WindowRepository::map, endpointId, Date.valueOf(first), Date.valueOf(last),
                untilMs);
    }

    public void insertTaken(Connection c, Collection<PreemptedPart> parts) throws SQLException {
        Sql.batch(c, INSERT_TAKEN, parts.stream().map(p -> row(p.part(), p.sessionId())).toList());
    }

    public void deleteTaken(Connection c, long endpointId, String entryId) throws SQLException {
        Sql.update(c, DELETE_TAKEN, endpointId, entryId);
    }

    public List<PreemptedPart> takenOfEntry(Connection c, long endpointId, String entryId) throws SQLException {
        return Sql.list(c, TAKEN_OF_ENTRY, WindowRepository::taken, endpointId, entryId);
    }

    /** What live sessions took on first..last, in stretches that started before untilMs. */
    public void takenDue(Connection c, LocalDate first, LocalDate last, long untilMs, Consumer<PreemptedPart> sink)
            throws SQLException {
        for (PreemptedPart p : Sql.list(c, TAKEN_DUE, WindowRepository::taken, Date.valueOf(first), Date.valueOf(last),
                untilMs)) {
            sink.accept(p);
        }
    }

    /** The same for one endpoint. */
    public List<PreemptedPart> takenOf(Connection c, long endpointId, LocalDate first, LocalDate last, long untilMs)
            throws SQLException {
        return Sql.list(c, TAKEN_OF_ENDPOINT, WindowRepository::taken, endpointId, Date.valueOf(first),
                Date.valueOf(last), untilMs);
    }

    /** A part's columns, then the one its table adds (report_window: the reason; report_window_live: the session). */
    private static Object[] row(WindowPart p, Object last) {
        return new Object[] {p.endpointId(), p.entryId(), Date.valueOf(p.day()), p.kind().name(), p.windowStartMs(),
            p.startMs(), p.endMs(), p.ms(), p.campaignId(), last};
    }

    private static WindowPart map(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return part(rs, reason == null ? null : PlanReason.valueOf(reason));
    }

    private static PreemptedPart taken(ResultSet rs) throws SQLException {
        return new PreemptedPart(part(rs, null), rs.getLong("session_id"));
    }

    private static WindowPart part(ResultSet rs, PlanReason reason) throws SQLException {
        return new WindowPart(rs.getLong("endpoint_id"), rs.getString("entry_id"),
                rs.getDate("local_day").toLocalDate(), AssetKind.valueOf(rs.getString("kind")),
                rs.getLong("window_start_ms"), rs.getLong("start_ms"), rs.getLong("end_ms"), rs.getLong("ms"),
                rs.getLong("campaign_id"), reason);
    }
}
