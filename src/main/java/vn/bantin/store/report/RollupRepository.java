package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.Figures;
import vn.bantin.evidence.report.Measure;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.store.Sql;

/** The counters in report_day and report_month: added to with MERGE, read back by date range. */
public final class RollupRepository {

    public enum Grain {
        DAY("report_day"), MONTH("report_month");

        private final String table;

        Grain(String table) {
            this.table = table;
        }
    }

    /** One stored cell. */
    public record Cell(RollupKey key, Figures figures) {
    }

    private static final Measure[] MEASURES = Measure.values();
    private static final String KEYS = "endpoint_id, campaign_id, kind, local_day";
    private static final String COLUMNS = Arrays.stream(MEASURES).map(Measure::column)
            .collect(Collectors.joining(", "));
    private static final String MERGE_DAY = mergeSql(Grain.DAY);
    private static final String MERGE_MONTH = mergeSql(Grain.MONTH);
    /** Cells per IN list: well under every database's parameter limit. */
    private static final int CHUNK = 500;

    public void add(Connection c, Map<RollupKey, Figures> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        write(c, MERGE_DAY, deltas);
        write(c, MERGE_MONTH, months(deltas));
    }

    private static Map<RollupKey, Figures> months(Map<RollupKey, Figures> days) {
        Map<RollupKey, Figures> months = new LinkedHashMap<>();
        days.forEach((k, v) -> months.computeIfAbsent(k.month(), m -> new Figures()).add(v));
        return months;
    }

    /** Cells for an endpoint that has none yet, inserted rather than merged (bulk loads). */
    public void insertNew(Connection c, Map<RollupKey, Figures> cells) throws SQLException {
        write(c, insertSql(Grain.DAY), cells);
        write(c, insertSql(Grain.MONTH), months(cells));
    }

    public boolean hasCells(Connection c, long endpointId) throws SQLException {
        return Sql.one(c, "SELECT endpoint_id FROM report_month WHERE endpoint_id = ? FETCH FIRST 1 ROWS"
                + " ONLY", rs -> true, endpointId).isPresent();
    }

    /**
     * Cells with first..last (inclusive; for months, first days of months), optionally only of some endpoints
     * and of one campaign.
     */
    public void read(Connection c, Grain grain, LocalDate first, LocalDate last, Collection<Long> endpointIds,
                     Long campaignId, Consumer<Cell> sink) throws SQLException {
        if (endpointIds == null) {
            readChunk(c, grain, first, last, null, campaignId, sink);
            return;
        }
        List<Long> ids = new ArrayList<>(endpointIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            readChunk(c, grain, first, last, ids.subList(i, Math.min(ids.size(), i + CHUNK)), campaignId, sink);
        }
    }

    private void readChunk(Connection c, Grain grain, LocalDate first, LocalDate last, List<Long> ids,
                           Long campaignId, Consumer<Cell> sink) throws SQLException {
        if (ids != null && ids.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(KEYS).append(", ").append(COLUMNS).append(" FROM ")
                .append(grain.table).append(" WHERE local_day >= ? AND local_day <= ?");
        if (campaignId != null) {
            sql.append(" AND campaign_id = ?");
        }
        if (ids != null) {
            sql.append(" AND endpoint_id IN (").append("?, ".repeat(ids.size() - 1)).append("?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setDate(i++, Date.valueOf(first));
            ps.setDate(i++, Date.valueOf(last));
            if (campaignId != null) {
                ps.setLong(i++, campaignId);
            }
            if (ids != null) {
                for (long id : ids) {
                    ps.setLong(i++, id);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(cell(rs));
                }
            }
        }
    }

    private static Cell cell(ResultSet rs) throws SQLException {
        RollupKey key = new RollupKey(rs.getLong(1), rs.getLong(2), AssetKind.valueOf(rs.getString(3)),
                rs.getDate(4).toLocalDate());
        long[] values = new long[MEASURES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getLong(5 + i);
        }
        return new Cell(key, Figures.of(values));
    }

    /** One batch of a statement whose parameters are a cell's key then its measures, in Measure order. */
    private static void write(Connection c, String sql, Map<RollupKey, Figures> cells) throws SQLException {
        if (cells.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<RollupKey, Figures> e : cells.entrySet()) {
                RollupKey k = e.getKey();
                ps.setLong(1, k.endpointId());
                ps.setLong(2, k.campaignId());
                ps.setString(3, k.kind().name());
                ps.setDate(4, Date.valueOf(k.day()));
                for (int i = 0; i < MEASURES.length; i++) {
                    ps.setLong(5 + i, e.getValue().get(MEASURES[i]));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String insertSql(Grain grain) {
        return "INSERT INTO " + grain.table + " (" + KEYS + ", " + COLUMNS + ") VALUES ("
                + "?, ".repeat(3 + MEASURES.length) + "?)";
    }

    private static String mergeSql(Grain grain) {
        String casts = "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(8)), CAST(? AS DATE), "
                + Arrays.stream(MEASURES).map(m -> "CAST(? AS BIGINT)").collect(Collectors.joining(", "));
        String updates = Arrays.stream(MEASURES).map(m -> m.column() + " = t." + m.column() + " + s." + m.column())
                .collect(Collectors.joining(", "));
        String values = Arrays.stream((KEYS + ", " + COLUMNS).split(", ")).map(col -> "s." + col)
                .collect(Collectors.joining(", "));
        return "MERGE INTO " + grain.table + " t USING (VALUES (" + casts + ")) AS s (" + KEYS + ", " + COLUMNS + ")"
                + " ON t.endpoint_id = s.endpoint_id AND t.campaign_id = s.campaign_id AND t.kind = s.kind"
                + " AND t.local_day = s.local_day"
                + " WHEN MATCHED THEN UPDATE SET " + updates
                + " WHEN NOT MATCHED THEN INSERT (" + KEYS + ", " + COLUMNS + ") VALUES (" + values + ")";
    }
}
