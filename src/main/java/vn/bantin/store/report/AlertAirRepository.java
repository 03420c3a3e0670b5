package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.evidence.report.LiveAir;
import vn.bantin.schedule.AlertOverlay;
import vn.bantin.store.Sql;

/**
 * The air EMERGENCY alerts held on one endpoint, as its own records have it: each record of an alert's repeat, from
 * its actual start to its actual end, named by the alert it played. The device knows its alert entries only by their
 * hashed ids; the controller knows which alerts reached the endpoint (alert_delivery) and so which ids are whose.
 */
public final class AlertAirRepository {

    /** How long before a window an alert's repeat may have started and still reach into it. */
    static final long LONGEST_REPEAT_MS = 2 * 3_600_000L;

    private static final String PLAYED = "SELECT entry_id, actual_start, actual_end FROM play_record"
            + " WHERE endpoint_id = ? AND scheduled_start >= ? AND scheduled_start < ? AND broadcast_class = 'EMERGENCY'"
            + " AND mode = 'ONCE' AND actual_start IS NOT NULL AND actual_end > actual_start";
    private static final String REACHED = "SELECT a.id, a.title, a.repeat_count FROM alert_delivery d"
            + " JOIN alert a ON a.id = d.alert_id WHERE d.endpoint_id = ? AND a.start_ms < ? AND a.last_end_ms > ?";

    private record Played(String entryId, long fromMs, long toMs) {
    }

    private record Named(long alertId, String title) {
    }

    private record Reached(long alertId, String title, int repeats) {
    }

    /** The alerts' records on the endpoint with some air in [fromMs, toMs). */
    public List<LiveAir.Span> airDuring(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        List<Played> played = Sql.list(c, PLAYED, rs -> new Played(rs.getString("entry_id"),
                rs.getLong("actual_start"), rs.getLong("actual_end")), endpointId, fromMs - LONGEST_REPEAT_MS, toMs)
                .stream().filter(p -> p.fromMs() < toMs && p.toMs() > fromMs).toList();
        if (played.isEmpty()) {
            return List.of();
        }
        Map<String, Named> byEntry = new HashMap<>();
        for (Reached a : Sql.list(c, REACHED, rs -> new Reached(rs.getLong("id"), rs.getString("title"),
                rs.getInt("repeat_count")), endpointId, toMs, fromMs - LONGEST_REPEAT_MS)) {
            for (int k = 0; k < a.repeats(); k++) {
                byEntry.put(AlertOverlay.entryId(endpointId, a.alertId(), k), new Named(a.alertId(), a.title()));
            }
        }
        List<LiveAir.Span> spans = new ArrayList<>();
        for (Played p : played) {
            Named alert = byEntry.get(p.entryId());
            if (alert != null) {
                spans.add(LiveAir.Span.alert(alert.alertId(), alert.title(), p.fromMs(), p.toMs()));
            }
        }
        return spans;
    }
}
