package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bantin.evidence.report.LiveAir;
import vn.bantin.evidence.report.PreemptedPart;
import vn.bantin.evidence.report.RollupDeltas;
import vn.bantin.evidence.report.RollupRules;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.store.report.AlertAirRepository;
import vn.bantin.store.report.LiveTakeRepository;
import vn.bantin.store.report.WindowRepository;

/**
 * Keeps what live sessions and EMERGENCY alerts took of LOOP and relay windows (report_window_live,
 * report_window_alert) and its counts in step with both sides: when a window is planned, moved or withdrawn, when a
 * session an endpoint took goes on air or ends, and when the endpoint's record of an alert arrives.
 */
public final class LiveAirTaken {

    private final WindowRepository windows = new WindowRepository();
    private final LiveTakeRepository live = new LiveTakeRepository();
    private final AlertAirRepository alerts = new AlertAirRepository();

    /**
     * Counts again what the sessions took of these windows of one endpoint: {@code byEntry} holds every part of each
     * window as it now stands (none for a window withdrawn).
     */
    void recount(Connection c, RollupDeltas d, long endpointId, Map<String, List<WindowPart>> byEntry)
            throws SQLException {
        if (byEntry.isEmpty()) {
            return;
        }
        LiveAir air = airOver(c, endpointId, byEntry.values().stream().flatMap(List::stream).toList());
        for (Map.Entry<String, List<WindowPart>> e : byEntry.entrySet()) {
            List<PreemptedPart> before = windows.takenOfEntry(c, endpointId, e.getKey());
            List<PreemptedPart> after = air.takenFrom(e.getValue());
            if (Set.copyOf(before).equals(Set.copyOf(after))) {
                continue;
            }
            RollupRules.preemptedParts(d, before, -1);
            windows.deleteTaken(c, endpointId, e.getKey());
            RollupRules.preemptedParts(d, after, 1);
            windows.insertTaken(c, after);
        }
    }

    /**
     * A session the endpoint took went on air, moved its end or ended, or an alert's record arrived: the windows it
     * may touch, counted again.
     */
    void airChanged(Connection c, RollupDeltas d, long endpointId, long fromMs, long toMs) throws SQLException {
        Map<String, List<WindowPart>> byEntry = new LinkedHashMap<>();
        for (WindowPart p : windows.overlapping(c, endpointId, fromMs, toMs)) {
            if (!byEntry.containsKey(p.entryId())) {
                byEntry.put(p.entryId(), windows.ofEntry(c, endpointId, p.entryId()));
            }
        }
        recount(c, d, endpointId, byEntry);
    }

    /** What the sessions took of the windows of an endpoint with nothing counted yet (the bulk path). */
    List<PreemptedPart> taken(Connection c, long endpointId, List<WindowPart> parts) throws SQLException {
        return parts.isEmpty() ? List.of() : airOver(c, endpointId, parts).takenFrom(parts);
    }

    /** The sessions' and alerts' air over the span of these parts of one endpoint's windows. */
    LiveAir airOver(Connection c, long endpointId, List<WindowPart> parts) throws SQLException {
        if (parts.isEmpty()) {
            return LiveAir.none();
        }
        long from = parts.stream().mapToLong(WindowPart::startMs).min().orElseThrow();
        long to = parts.stream().mapToLong(WindowPart::endMs).max().orElseThrow();
        return airDuring(c, endpointId, from, to);
    }

    /** The air the sessions the endpoint took and the alerts it played held at some time in [fromMs, toMs). */
    public LiveAir airDuring(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        return live.airDuring(c, endpointId, fromMs, toMs).withAlerts(alerts.airDuring(c, endpointId, fromMs, toMs));
    }
}
