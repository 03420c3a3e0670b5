package vn.bantin.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence outlives what it names, and nobody rewrites it:
 * <ul>
 * <li>play records and expected plays no longer reference the endpoint table, so deleting an endpoint
 * leaves them whole (they keep its name and the device key stays in device_key, V13);</li>
 * <li>the database itself refuses UPDATE and DELETE on the stored evidence (play records, conflicts,
 * refused records, gap notices, device keys): no code path can, by mistake or on purpose, alter what was
 * signed or the key it verifies with.</li>
 * </ul>
 * A Java migration because constraint names are generated and triggers are written in each database's
 * own dialect (HSQLDB, PostgreSQL).
 */
public class V14__Evidence_outlives_what_it_names extends BaseJavaMigration {

    static final List<String> APPEND_ONLY = List.of("play_record", "play_record_conflict", "play_record_refused",
            "gap_notice", "device_key");
    private static final List<String> UNLINKED = List.of("play_record", "expected_play");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean hsqldb = c.getMetaData().getDatabaseProductName().startsWith("HSQL");
        for (String table : UNLINKED) {
            for (String constraint : foreignKeysToEndpoint(c, table)) {
                execute(c, "ALTER TABLE " + table + " DROP CONSTRAINT " + constraint);
            }
        }
        if (!hsqldb) {
            execute(c, "CREATE FUNCTION bantin_evidence_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN RAISE EXCEPTION 'evidence is append-only: % on % refused', TG_OP, TG_TABLE_NAME"
                    + " USING ERRCODE = '45000'; END $$");
        }
        for (String table : APPEND_ONLY) {
            for (String op : List.of("UPDATE", "DELETE")) {
                execute(c, hsqldb ? hsqldbTrigger(table, op) : postgresTrigger(table, op));
            }
        }
    }

    private static String hsqldbTrigger(String table, String op) {
        return "CREATE TRIGGER " + table + "_no_" + op.toLowerCase() + " BEFORE " + op + " ON " + table
                + " FOR EACH ROW BEGIN ATOMIC SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'evidence is append-only: "
                + op + " on " + table + " refused'; END";
    }

    private static String postgresTrigger(String table, String op) {
        return "CREATE TRIGGER " + table + "_no_" + op.toLowerCase() + " BEFORE " + op + " ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION bantin_evidence_is_append_only()";
    }

    private static List<String> foreignKeysToEndpoint(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
        List<String> out = new ArrayList<>();
        try (ResultSet keys = meta.getImportedKeys(c.getCatalog(), c.getSchema(), name)) {
            while (keys.next()) {
                if ("endpoint".equalsIgnoreCase(keys.getString("PKTABLE_NAME")) && !out.contains(keys.getString("FK_NAME"))) {
                    out.add(keys.getString("FK_NAME"));
                }
            }
        }
        return out;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
