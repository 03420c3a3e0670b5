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
import java.util.stream.IntStream;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.Figures;
import vn.bantin.evidence.report.Measure;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.store.Sql;

/**
 * The counters in report_day, report_month and report_year: added to with MERGE, read back by endpoint and date
 * range. A year cell also keeps the year's airtime month by month (airtime_m01..m12), so the chart of an annual
 * report needs no monthly cells.
 */
public final class RollupRepository {

    public enum Grain {
        DAY("report_day"), MONTH("report_month"), YEAR("report_year");

        private final String table;

        Grain(String table) {
            this.table = table;
        }
    }

    /** One stored cell. */
    public record Cell(RollupKey key, Figures figures) {
    }

    private static final Measure[] MEASURES = Measure.values();
    private static final int MONTHS = 12;
    private static final String KEYS = "endpoint_id, campaign_id, kind, local_day";
    private static final String COLUMNS = Arrays.stream(MEASURES).map(Measure::column)
            .collect(Collectors.joining(", "));
    private static final String MONTH_COLUMNS = IntStream.rangeClosed(1, MONTHS)
            .mapToObj(m -> String.format("airtime_m%02d", m)).collect(Collectors.joining(", "));
    private static final Map<Grain, String> MERGE = Map.of(Grain.DAY, mergeSql(Grain.DAY),
            Grain.MONTH, mergeSql(Grain.MONTH), Grain.YEAR, mergeSql(Grain.YEAR));
    /** Endpoints per IN list: well under every database's parameter limit. */
    private static final int CHUNK = 500;

    public void add(Connection c, Map<RollupKey, Figures> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        write(c, MERGE.get(Grain.DAY), days(deltas));
        write(c, MERGE.get(Grain.MONTH), months(deltas));
        write(c, MERGE.get(Grain.YEAR), years(deltas));
    }

    private static Map<RollupKey, long[]> days(Map<RollupKey, Figures> days) {
        Map<RollupKey, long[]> out = new LinkedHashMap<>();
        days.forEach((k, v) -> out.put(k, v.values()));
        return out;
    }

    private static Map<RollupKey, long[]> months(Map<RollupKey, Figures> days) {
        Map<RollupKey, Figures> months = new LinkedHashMap<>();
        days.forEach((k, v) -> months.computeIfAbsent(k.month(), m -> new Figures()).add(v));
        return days(months);
    }

    /** Year cells: the measures, then the airtime of each month. */
    private static Map<RollupKey, long[]> years(Map<RollupKey, Figures> days) {
        Map<RollupKey, long[]> years = new LinkedHashMap<>();
        days.forEach((k, v) -> {
            long[] year = years.computeIfAbsent(k.year(), y -> new long[MEASURES.length + MONTHS]);
            long[] values = v.values();
            for (int i = 0; i < values.length; i++) {
                year[i] += values[i];
            }
            year[MEASURES.length + k.day().getMonthValue() - 1] += v.get(Measure.AIRTIME_MS);
        });
        return years;
    }

    /** Cells for an endpoint that has none yet, inserted rather than merged (bulk loads). */
    public void insertNew(Connection c, Map<RollupKey, Figures> cells) throws SQLException {
        write(c, insertSql(Grain.DAY), days(cells));
        write(c, insertSql(Grain.MONTH), months(cells));
        write(c, insertSql(Grain.YEAR), years(cells));
    }

    public boolean hasCells(Connection c, long endpointId) throws SQLException {
        return Sql.one(c, "SELECT endpoint_id FROM report_month WHERE endpoint_id = ? FETCH FIRST 1 ROWS"
                + " ONLY", rs -> true, endpointId).isPresent();
    }

    /**
     * Cells of some endpoints with first..last (inclusive; for months and years, their first days), optionally
     * of one campaign. A year cell comes back as its twelve months for the chart: each month with its airtime,
     * January also with every other count of the year (their sum is the year).
     */
    public void read(Connection c, Grain grain, LocalDate first, LocalDate last, Collection<Long> endpointIds,
                     Long campaignId, Consumer<Cell> sink) throws SQLException {
        List<Long> ids = new ArrayList<>(endpointIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            readChunk(c, grain, first, last, ids.subList(i, Math.min(ids.size(), i + CHUNK)), campaignId, sink);
        }
    }

    private void readChunk(Connection c, Grain grain, LocalDate first, LocalDate last, List<Long> ids,
                           Long campaignId, Consumer<Cell> sink) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(KEYS).append(", ").append(COLUMNS)
                .append(grain == Grain.YEAR ? ", " + MONTH_COLUMNS : "").append(" FROM ").append(grain.table)
                .append(" WHERE endpoint_id IN (").append("?, ".repeat(ids.size() - 1))
                .append("?) AND local_day >= ? AND local_day <= ?");
        if (campaignId != null) {
            sql.append(" AND campaign_id = ?");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (long id : ids) {
                ps.setLong(i++, id);
            }
            ps.setDate(i++, Date.valueOf(first));
            ps.setDate(i++, Date.valueOf(last));
            if (campaignId != null) {
                ps.setLong(i, campaignId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (grain == Grain.YEAR) {
                        yearAsMonths(rs, sink);
                    } else {
                        sink.accept(new Cell(key(rs), Figures.of(measures(rs))));
                    }
                }
            }
        }
    }

    private static void yearAsMonths(ResultSet rs, Consumer<Cell> sink) throws SQLException {
        RollupKey year = key(rs);
        long[] values = measures(rs);
        for (int m = 1; m <= MONTHS; m++) {
            long airtime = rs.getLong(4 + MEASURES.length + m);
            Figures month = m == 1 ? Figures.of(values) : new Figures();
            month.add(Measure.AIRTIME_MS, airtime - month.get(Measure.AIRTIME_MS));
            sink.accept(new Cell(new RollupKey(year.endpointId(), year.campaignId(), year.kind(),
                    year.day().withMonth(m)), month));
        }
    }

    private static RollupKey key(ResultSet rs) throws SQLException {
        return new RollupKey(rs.getLong(1), rs.getLong(2), AssetKind.valueOf(rs.getString(3)),
                rs.getDate(4).toLocalDate());
    }

    private static long[] measures(ResultSet rs) throws SQLException {
        long[] values = new long[MEASURES.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rs.getLong(5 + i);
        }
        return values;
    }

    /** One batch of a statement whose parameters are a cell's key then its values (measures, months). */
    private static void write(Connection c, String sql, Map<RollupKey, long[]> cells) throws SQLException {
        if (cells.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<RollupKey, long[]> e : cells.entrySet()) {
                RollupKey k = e.getKey();
                ps.setLong(1, k.endpointId());
                ps.setLong(2, k.campaignId());
                ps.setString(3, k.kind().name());
                ps.setDate(4, Date.valueOf(k.day()));
                long[] values = e.getValue();
                for (int i = 0; i < values.length; i++) {
                    ps.setLong(5 + i, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String columns(Grain grain) {
        return COLUMNS + (grain == Grain.YEAR ? ", " + MONTH_COLUMNS : "");
    }

    private static String insertSql(Grain grain) {
        int values = 4 + MEASURES.length + (grain == Grain.YEAR ? MONTHS : 0);
        return "INSERT INTO " + grain.table + " (" + KEYS + ", " + columns(grain) + ") VALUES ("
                + "?, ".repeat(values - 1) + "?)";
    }

    private static String mergeSql(Grain grain) {
        String[] counters = columns(grain).split(", ");
        String casts = "CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(8)), CAST(? AS DATE), "
                + Arrays.stream(counters).map(m -> "CAST(? AS BIGINT)").collect(Collectors.joining(", "));
        String updates = Arrays.stream(counters).map(m -> m + " = t." + m + " + s." + m)
                .collect(Collectors.joining(", "));
        String all = KEYS + ", " + columns(grain);
        String values = Arrays.stream(all.split(", ")).map(col -> "s." + col).collect(Collectors.joining(", "));
        return "MERGE INTO " + grain.table + " t USING (VALUES (" + casts + ")) AS s (" + all + ")"
                + " ON t.endpoint_id = s.endpoint_id AND t.campaign_id = s.campaign_id AND t.kind = s.kind"
                + " AND t.local_day = s.local_day"
                + " WHEN MATCHED THEN UPDATE SET " + updates
                + " WHEN NOT MATCHED THEN INSERT (" + all + ") VALUES (" + values + ")";
    }
}
