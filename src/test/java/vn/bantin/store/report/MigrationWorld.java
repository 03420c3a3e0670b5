package vn.bantin.store.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import vn.bantin.store.Database;
import vn.bantin.store.report.RollupRepository.Cell;
import vn.bantin.store.report.RollupRepository.Grain;

/**
 * A real HSQLDB file database held at an older migration, given rows in that older schema, then opened the way the
 * controller opens it so the later migrations run on data.
 */
final class MigrationWorld {

    private static final String[] LOCATIONS = {"classpath:db/migration", "classpath:vn/bantin/store/migration"};

    private final String url;

    private MigrationWorld(String url) {
        this.url = url;
    }

    static MigrationWorld at(Path dir, String version) {
        MigrationWorld world = new MigrationWorld("jdbc:hsqldb:file:" + dir.resolve("db/bantin") + ";hsqldb.tx=mvcc");
        world.flyway().target(version).load().migrate();
        return world;
    }

    /** Plain SQL against the older schema, before any later migration has run. */
    MigrationWorld seed(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return this;
    }

    /** The names of a table's indexes (primary key and constraints included), read with plain JDBC. */
    List<String> indexNames(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "SA", "");
             var ps = c.prepareStatement("SELECT DISTINCT index_name FROM information_schema.system_indexinfo"
                     + " WHERE table_name = ?")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** Opens the database as the controller does, which runs every later migration. */
    Database upgrade() {
        return Database.open(url, "SA", "");
    }

    List<String> appliedVersions() {
        return Arrays.stream(flyway().load().info().applied())
                .filter(m -> m.getState().isApplied() && !m.getState().isFailed())
                .map(m -> m.getVersion().getVersion()).toList();
    }

    static List<Cell> cells(Database db, Grain grain, LocalDate from, LocalDate to, long endpointId) {
        List<Cell> cells = new ArrayList<>();
        db.read(c -> {
            new RollupRepository().read(c, grain, from, to, List.of(endpointId), null, cells::add);
            return null;
        });
        return cells;
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, "SA", "").locations(LOCATIONS);
    }
}
