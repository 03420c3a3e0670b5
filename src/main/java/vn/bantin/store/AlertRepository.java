package vn.bantin.store;

import vn.bantin.domain.Alert;
import vn.bantin.domain.AlertStatus;
import vn.bantin.domain.Asset;
import vn.bantin.domain.Targets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Alerts with their targets. Rows are never deleted; cancelling sets status, time and who. */
public final class AlertRepository {

    private static final String INSERT = "INSERT INTO alert (title, audio_asset_id, visual_asset_id,"
            + " visual_duration_ms, start_ms, repeat_count, interval_ms, end_ms, last_end_ms, volume, status,"
            + " created_at, created_by, area_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TARGET =
            "INSERT INTO alert_target (alert_id, target_type, target_value) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT * FROM alert";
    private static final String ALL = SELECT + " ORDER BY id";
    private static final String BY_ID = SELECT + " WHERE id = ?";
    private static final String ON_AIR_AFTER = SELECT + " WHERE last_end_ms > ? ORDER BY id";
    private static final String TARGETS = "SELECT * FROM alert_target ORDER BY alert_id, target_type, target_value";
    private static final String TARGETS_OF =
            "SELECT * FROM alert_target WHERE alert_id = ? ORDER BY target_type, target_value";
    private static final String CANCEL = "UPDATE alert SET status = ?, cancelled_at = ?, cancelled_by = ?"
            + " WHERE id = ? AND status = ?";

    private final AssetRepository assets;

    public AlertRepository(AssetRepository assets) {
        this.assets = assets;
    }

    public long insert(Connection c, Alert a) throws SQLException {
        long id = Sql.insert(c, INSERT, a.title(), a.audio() == null ? null : a.audio().id(),
                a.visual() == null ? null : a.visual().id(), a.visualDurationMs(), a.startMs(), a.repeat(),
                a.intervalMs(), a.endMs(), a.lastEndMs(), a.volume(), a.status().name(), a.createdAt(),
                a.createdBy(), a.targets().withinAreaId());
        insertTargets(c, id, "AREA", a.targets().areaIds());
        insertTargets(c, id, "TAG", a.targets().tags());
        insertTargets(c, id, "ENDPOINT", a.targets().endpointIds());
        return id;
    }

    /** Sets an ACTIVE alert CANCELLED; false when it is not active (unknown or already cancelled). */
    public boolean cancel(Connection c, long id, long atMs, String by) throws SQLException {
        return Sql.update(c, CANCEL, AlertStatus.CANCELLED.name(), atMs, by, id, AlertStatus.ACTIVE.name()) == 1;
    }

    public List<Alert> all(Connection c) throws SQLException {
        return read(c, Sql.list(c, ALL, Row::of), allTargets(c));
    }

    /** Alerts that may still be on air after {@code fromMs}: what a compilation from then needs. */
    public List<Alert> onAirAfter(Connection c, long fromMs) throws SQLException {
        List<Row> rows = Sql.list(c, ON_AIR_AFTER, Row::of, fromMs);
        return rows.isEmpty() ? List.of() : read(c, rows, allTargets(c));
    }

    public Optional<Alert> byId(Connection c, long id) throws SQLException {
        Optional<Row> row = Sql.one(c, BY_ID, Row::of, id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Map<String, List<String>>> targets = new HashMap<>();
        Sql.list(c, TARGETS_OF, rs -> collect(targets, rs), id);
        return Optional.of(read(c, List.of(row.get()), targets).get(0));
    }

    private List<Alert> read(Connection c, List<Row> rows, Map<Long, Map<String, List<String>>> targets)
            throws SQLException {
        Map<Long, Asset> assetById = new HashMap<>();
        List<Alert> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, List<String>> t = targets.getOrDefault(r.id, Map.of());
            out.add(new Alert(r.id, r.title, new Targets(longs(t.get("AREA")), strings(t.get("TAG")),
                    longs(t.get("ENDPOINT")), r.areaId), asset(c, assetById, r.audioId), asset(c, assetById, r.visualId),
                    r.visualDurationMs, r.startMs, r.repeat, r.intervalMs, r.endMs, r.volume, r.status, r.createdAt,
                    r.createdBy, r.cancelledAt, r.cancelledBy));
        }
        return out;
    }

    private Asset asset(Connection c, Map<Long, Asset> cache, Long id) throws SQLException {
        if (id == null) {
            return null;
        }
        Asset hit = cache.get(id);
        if (hit == null) {
            hit = assets.byId(c, id).orElseThrow(() -> new SQLException("alert asset " + id + " is missing"))
                    .asset();
            cache.put(id, hit);
        }
        return hit;
    }

    private static Map<Long, Map<String, List<String>>> allTargets(Connection c) throws SQLException {
        Map<Long, Map<String, List<String>>> targets = new HashMap<>();
        Sql.list(c, TARGETS, rs -> collect(targets, rs));
        return targets;
    }

    private static boolean collect(Map<Long, Map<String, List<String>>> targets, ResultSet rs) throws SQLException {
        return targets.computeIfAbsent(rs.getLong("alert_id"), k -> new HashMap<>())
                .computeIfAbsent(rs.getString("target_type"), k -> new ArrayList<>())
                .add(rs.getString("target_value"));
    }

    private static void insertTargets(Connection c, long alertId, String type, Set<?> values) throws SQLException {
        for (Object v : values) {
            Sql.update(c, INSERT_TARGET, alertId, type, String.valueOf(v));
        }
    }

    private static Set<Long> longs(List<String> values) {
        Set<Long> out = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(v -> out.add(Long.valueOf(v)));
        }
        return out;
    }

    private static Set<String> strings(List<String> values) {
        return values == null ? new LinkedHashSet<>() : new LinkedHashSet<>(values);
    }

    private record Row(long id, String title, Long audioId, Long visualId, long visualDurationMs, long startMs,
                       int repeat, long intervalMs, Long endMs, int volume, AlertStatus status, long createdAt,
                       String createdBy, Long cancelledAt, String cancelledBy, Long areaId) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("title"), Sql.nullableLong(rs, "audio_asset_id"),
                    Sql.nullableLong(rs, "visual_asset_id"), rs.getLong("visual_duration_ms"),
                    rs.getLong("start_ms"), rs.getInt("repeat_count"), rs.getLong("interval_ms"),
                    Sql.nullableLong(rs, "end_ms"), rs.getInt("volume"), AlertStatus.valueOf(rs.getString("status")),
                    rs.getLong("created_at"), rs.getString("created_by"), Sql.nullableLong(rs, "cancelled_at"),
                    rs.getString("cancelled_by"), Sql.nullableLong(rs, "area_id"));
        }
    }
}
