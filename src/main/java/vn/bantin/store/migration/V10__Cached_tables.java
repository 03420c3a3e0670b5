package vn.bantin.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * HSQLDB only: turns every MEMORY table made before the database defaulted to CACHED (see
 * {@code store/Database}) into a CACHED one, so play records, expected plays and the rest live on disk
 * rather than in the heap. Fresh databases and upgraded ones end up alike. Other databases have no
 * table types; for them this does nothing. A Java migration because the statement is HSQLDB's own.
 */
public class V10__Cached_tables extends BaseJavaMigration {

    private static final String MEMORY_TABLES = "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.SYSTEM_TABLES"
            + " WHERE TABLE_SCHEM = CURRENT_SCHEMA AND TABLE_TYPE = 'TABLE' AND HSQLDB_TYPE = 'MEMORY'";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!c.getMetaData().getDatabaseProductName().startsWith("HSQL")) {
            return;
        }
        for (String table : memoryTables(c)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET TABLE \"" + table.replace("\"", "\"\"") + "\" TYPE CACHED");
            }
        }
    }

    private static List<String> memoryTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(MEMORY_TABLES)) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }
}
