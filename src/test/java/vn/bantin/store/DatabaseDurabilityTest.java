package vn.bantin.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("HSQLDB file database: durable commits and CACHED tables, as its own files say")
class DatabaseDurabilityTest {

    /** How HSQLDB writes {@code SET FILES WRITE DELAY FALSE} back: no delay, the log is synced at each commit. */
    private static final String SYNC_EACH_COMMIT = "SET FILES WRITE DELAY 0\n";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a new database has write delay off and every table CACHED")
    void freshDatabase() throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db/bantin") + ";hsqldb.tx=mvcc";
        Database.open(url, "SA", "").close();

        String script = Files.readString(dir.resolve("db/bantin.script"));
        assertThat(script).contains(SYNC_EACH_COMMIT).contains("SET DATABASE DEFAULT TABLE TYPE CACHED");
        assertThat(createdTables(script, "MEMORY")).isEmpty();
        assertThat(createdTables(script, "CACHED")).contains("PLAY_RECORD", "PLAY_RECORD_CONFLICT", "EXPECTED_PLAY");
    }

    @Test
    @DisplayName("the row cache is the large one from the first open of a new database, and stays so after a restart")
    void largeRowCache() throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db/bantin") + ";hsqldb.tx=mvcc";
        try (Database db = Database.open(url, "SA", "")) {
            assertThat(db.read(DatabaseDurabilityTest::cacheRows)).isEqualTo(Database.CACHE_ROWS);
        }
        assertThat(Files.readString(dir.resolve("db/bantin.script")))
                .contains("SET FILES CACHE ROWS " + Database.CACHE_ROWS + "\n")
                .contains("SET FILES CACHE SIZE " + Database.CACHE_KB + "\n");
        try (Database db = Database.open(url, "SA", "")) {
            assertThat(db.read(DatabaseDurabilityTest::cacheRows)).isEqualTo(Database.CACHE_ROWS);
        }
    }

    /** The capacity of the open database's row cache, as HSQLDB holds it. */
    private static int cacheRows(Connection c) throws java.sql.SQLException {
        org.hsqldb.Session session = (org.hsqldb.Session) c.unwrap(org.hsqldb.jdbc.JDBCConnection.class).getSession();
        return session.getDatabase().logger.getCache().capacity();
    }

    @Test
    @DisplayName("a database made before V10 (MEMORY tables, 500 ms write delay) is converted on open")
    void upgradedDatabase() throws Exception {
        String url = "jdbc:hsqldb:file:" + dir.resolve("db/old") + ";hsqldb.tx=mvcc";
        Flyway.configure().dataSource(url, "SA", "").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "SA", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        String before = Files.readString(dir.resolve("db/old.script"));
        assertThat(before).contains("SET FILES WRITE DELAY 500 MILLIS");
        assertThat(createdTables(before, "MEMORY")).contains("PLAY_RECORD", "EXPECTED_PLAY");

        Database.open(url, "SA", "").close();

        String after = Files.readString(dir.resolve("db/old.script"));
        assertThat(after).contains(SYNC_EACH_COMMIT);
        assertThat(createdTables(after, "MEMORY")).isEmpty();
        assertThat(createdTables(after, "CACHED")).contains("PLAY_RECORD", "PLAY_RECORD_CONFLICT", "EXPECTED_PLAY");
    }

    /** Names of the tables the .script creates with the given type, e.g. {@code CREATE CACHED TABLE PUBLIC.X(...}. */
    private static List<String> createdTables(String script, String type) {
        String prefix = "CREATE " + type + " TABLE PUBLIC.";
        return script.lines().filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length(), l.indexOf('(')).replace("\"", "")).toList();
    }
}
