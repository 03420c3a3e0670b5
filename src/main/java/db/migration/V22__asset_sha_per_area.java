package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The same file uploaded in two communes becomes two assets, one per owner, so a duplicate upload never
 * hands one commune another's asset. V1 made asset.sha256 UNIQUE under a name the database chose, so it is
 * looked up in the standard information schema (HSQLDB and PostgreSQL alike) and dropped.
 */
public class V22__asset_sha_per_area extends BaseJavaMigration {

    private static final String UNIQUE_ON_SHA = "SELECT tc.constraint_name FROM information_schema.table_constraints tc"
            + " JOIN information_schema.constraint_column_usage cu ON cu.constraint_name = tc.constraint_name"
            + " WHERE UPPER(tc.table_name) = 'ASSET' AND tc.constraint_type = 'UNIQUE'"
            + " AND UPPER(cu.column_name) = 'SHA256'";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(UNIQUE_ON_SHA); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("ALTER TABLE asset DROP CONSTRAINT " + name);
            }
            s.execute("CREATE INDEX asset_sha ON asset (sha256)");
        }
    }
}
