package vn.bantin.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * report_name: the names the evidence used and since when (evidence/report/NameHistory), so reports print what a
 * campaign, topic, endpoint or area was called in their period. Filled here from the names stored with records and
 * plan items, each distinct name from its first instant (one pass over each table: a kept province year has
 * millions of records), and kept by ingest and plan recording from then on. No unique key: two ingests may note
 * the same change at once, which reads the same.
 */
public class V17__Names_in_use extends BaseJavaMigration {

    private static final String[][] SOURCES = {
        {"play_record", "scheduled_start"},
        {"expected_play", "start_ms"},
    };

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE report_name (kind VARCHAR(8) NOT NULL, object_id BIGINT NOT NULL,"
                    + " since_ms BIGINT NOT NULL, name VARCHAR(1000) NOT NULL)");
            s.execute("CREATE INDEX report_name_object ON report_name (kind, object_id, since_ms)");
        }
        Map<List<Object>, Long> first = new HashMap<>();
        for (String[] source : SOURCES) {
            read(c, source[0], source[1], first);
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO report_name (kind, object_id, since_ms, name) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<List<Object>, Long> e : first.entrySet()) {
                insert.setString(1, (String) e.getKey().get(0));
                insert.setLong(2, (Long) e.getKey().get(1));
                insert.setLong(3, e.getValue());
                insert.setString(4, (String) e.getKey().get(2));
                insert.addBatch();
            }
            if (!first.isEmpty()) {
                insert.executeBatch();
            }
        }
    }

    private static void read(Connection c, String table, String at, Map<List<Object>, Long> first) throws SQLException {
        String sql = "SELECT campaign_id, campaign_name, topic, endpoint_id, endpoint_name, area_id, area_name, MIN(" + at
                + ") FROM " + table + " WHERE " + at + " IS NOT NULL"
                + " GROUP BY campaign_id, campaign_name, topic, endpoint_id, endpoint_name, area_id, area_name";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long since = rs.getLong(8);
                long campaign = rs.getLong(1);
                if (!rs.wasNull() && campaign != 0) {
                    put(first, "CAMPAIGN", campaign, rs.getString(2), since);
                    put(first, "TOPIC", campaign, rs.getString(3), since);
                }
                put(first, "ENDPOINT", rs.getLong(4), rs.getString(5), since);
                long area = rs.getLong(6);
                if (!rs.wasNull()) {
                    put(first, "AREA", area, rs.getString(7), since);
                }
            }
        }
    }

    private static void put(Map<List<Object>, Long> first, String kind, long id, String name, long since) {
        if (name != null && !name.isBlank()) {
            first.merge(List.of(kind, id, name), since, Math::min);
        }
    }
}
