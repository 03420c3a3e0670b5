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
import vn.bantin.evidence.report.Preemption;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.store.Sql;

/**
 * report_window: LOOP windows the plan put on endpoints, per local date and content kind; report_window_live and
 * report_window_alert: the stretches of them live sessions the endpoint took, and alerts it played, held the air over.
 */
public final class WindowRepository {

    private static final String PART = "endpoint_id, entry_id, local_day, kind, window_start_ms, start_ms, end_ms, ms,"
            + " campaign_id";
    private static final String WINDOWS = "SELECT " + PART + ", reason FROM report_window WHERE ";
    private static final String TAKEN = "SELECT " + PART + ", 'LIVE_SESSION' AS taken_by, session_id AS by_id"
            + " FROM report_window_live WHERE %1$s UNION ALL SELECT " + PART + ", 'ALERT' AS taken_by, alert_id AS by_id"
            + " FROM report_window_alert WHERE %1$s";
    private static final String ENTRY = "endpoint_id = ? AND entry_id = ?";
    private static final String DAYS = "local_day >= ? AND local_day <= ? AND start_ms < ?";
    private static final String VALUES = ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = "INSERT INTO report_window (" + PART + ", reason" + VALUES;
    private static final String DELETE_ENTRY = "DELETE FROM report_window WHERE " + ENTRY;
    private static final String OF_ENTRY = WINDOWS + ENTRY;
    private static final String ENDING_AFTER = WINDOWS + "endpoint_id = ? AND end_ms > ?";
    private static final String OVERLAPPING = WINDOWS + "endpoint_id = ? AND start_ms < ? AND end_ms > ?";
    private static final String DUE = WINDOWS + DAYS;
    private static final String DUE_OF_ENDPOINT = WINDOWS + "endpoint_id = ? AND " + DAYS;
    private static final String INSERT_LIVE = "INSERT INTO report_window_live (" + PART + ", session_id" + VALUES;
    private static final String INSERT_ALERT = "INSERT INTO report_window_alert (" + PART + ", alert_id" + VALUES;
    private static final String DELETE_LIVE = "DELETE FROM report_window_live WHERE " + ENTRY;
    private static final String DELETE_ALERT = "DELETE FROM report_window_alert WHERE " + ENTRY;
    private static final String TAKEN_OF_ENTRY = TAKEN.formatted(ENTRY);
    private static final String TAKEN_DUE = TAKEN.formatted(DAYS);
    private static final String TAKEN_OF_ENDPOINT = TAKEN.formatted("endpoint_id = ? AND " + DAYS);

    public void insert(Connection c, Collection<WindowPart> parts) throws SQLException {
        Sql.batch(c, INSERT, parts.stream().map(p -> row(p, p.reason() == null ? null : p.reason().name())).toList());
    }

    public void deleteEntry(Connection c, long endpointId, String entryId) throws SQLException {
        Sql.update(c, DELETE_ENTRY, endpointId, entryId);
    }

    public List<WindowPart> ofEntry(Connection c, long endpointId, String entryId) throws SQLException {
        return Sql.list(c, OF_ENTRY, WindowRepository::map, endpointId, entryId);
    }

    /** Parts of windows of an endpoint that end after fromMs: windows under way at fromMs and those after it. */
    public List<WindowPart> windowsEndingAfter(Connection c, long endpointId, long fromMs) throws SQLException {
        return Sql.list(c, ENDING_AFTER, WindowRepository::map, endpointId, fromMs);
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
        Sql.batch(c, INSERT_LIVE, parts.stream().filter(p -> p.by() == Preemption.By.LIVE_SESSION)
                .map(p -> row(p.part(), p.byId())).toList());
        Sql.batch(c, INSERT_ALERT, parts.stream().filter(p -> p.by() == Preemption.By.ALERT)
                .map(p -> row(p.part(), p.byId())).toList());
    }

    public void deleteTaken(Connection c, long endpointId, String entryId) throws SQLException {
        Sql.update(c, DELETE_LIVE, endpointId, entryId);
        Sql.update(c, DELETE_ALERT, endpointId, entryId);
    }

    public List<PreemptedPart> takenOfEntry(Connection c, long endpointId, String entryId) throws SQLException {
        return Sql.list(c, TAKEN_OF_ENTRY, WindowRepository::taken, endpointId, entryId, endpointId, entryId);
    }

    /** What live sessions and alerts took on first..last, in stretches that started before untilMs. */
    public void takenDue(Connection c, LocalDate first, LocalDate last, long untilMs, Consumer<PreemptedPart> sink)
            throws SQLException {
        for (PreemptedPart p : Sql.list(c, TAKEN_DUE, WindowRepository::taken, Date.valueOf(first), Date.valueOf(last),
                untilMs, Date.valueOf(first), Date.valueOf(last), untilMs)) {
            sink.accept(p);
        }
    }

    /** The same for one endpoint. */
    public List<PreemptedPart> takenOf(Connection c, long endpointId, LocalDate first, LocalDate last, long untilMs)
            throws SQLException {
        return Sql.list(c, TAKEN_OF_ENDPOINT, WindowRepository::taken, endpointId, Date.valueOf(first),
                Date.valueOf(last), untilMs, endpointId, Date.valueOf(first), Date.valueOf(last), untilMs);
    }

    /**
     * A part's columns, then the one its table adds (report_window: the reason; report_window_live: the session;
     * report_window_alert: the alert).
     */
    private static Object[] row(WindowPart p, Object last) {
        return new Object[] {p.endpointId(), p.entryId(), Date.valueOf(p.day()), p.kind().name(), p.windowStartMs(),
            p.startMs(), p.endMs(), p.ms(), p.campaignId(), last};
    }

    private static WindowPart map(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return part(rs, reason == null ? null : PlanReason.valueOf(reason));
    }

    private static PreemptedPart taken(ResultSet rs) throws SQLException {
        return new PreemptedPart(part(rs, null), Preemption.By.valueOf(rs.getString("taken_by").trim()), rs.getLong("by_id"));
    }

    private static WindowPart part(ResultSet rs, PlanReason reason) throws SQLException {
        return new WindowPart(rs.getLong("endpoint_id"), rs.getString("entry_id"),
                rs.getDate("local_day").toLocalDate(), AssetKind.valueOf(rs.getString("kind")),
                rs.getLong("window_start_ms"), rs.getLong("start_ms"), rs.getLong("end_ms"), rs.getLong("ms"),
                rs.getLong("campaign_id"), reason);
    }
}
