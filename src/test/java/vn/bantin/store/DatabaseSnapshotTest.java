package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Snapshot reads: a report's queries see one committed state while records keep arriving")
class DatabaseSnapshotTest {

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:hsqldb:file:" + dir.resolve("db/bantin")
                + ";hsqldb.tx=mvcc;hsqldb.write_delay=false;hsqldb.default_table_type=cached", "SA", "");
        db.tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE cell (id INT PRIMARY KEY, played INT NOT NULL)");
                s.execute("INSERT INTO cell VALUES (1, 0)");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("a batch committed between two of its queries is in neither, and the writer is not held up")
    void queriesSeeOneState() {
        String seen = db.snapshot(c -> {
            String before = figures(c);
            try {
                CompletableFuture.runAsync(() -> db.tx(w -> {
                    try (Statement s = w.createStatement()) {
                        s.execute("INSERT INTO cell VALUES (2, 1)");
                        s.execute("UPDATE cell SET played = 1 WHERE id = 1");
                    }
                    return null;
                })).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the writer did not commit while the snapshot was open", e);
            }
            return before + " then " + figures(c);
        });
        assertThat(seen).isEqualTo("1 cells, 0 played then 1 cells, 0 played");
        assertThat(db.read(DatabaseSnapshotTest::figures)).isEqualTo("2 cells, 2 played");
    }

    @Test
    @DisplayName("nothing can be written through it, and the connections it used write again afterwards")
    void readOnly() {
        assertThatThrownBy(() -> db.snapshot(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE cell SET played = 9");
            }
        })).isInstanceOf(StoreException.class);
        for (int i = 0; i < 20; i++) {
            int id = 10 + i;
            db.snapshot(DatabaseSnapshotTest::figures);
            db.tx(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO cell VALUES (" + id + ", 0)");
                }
            });
        }
        assertThat(db.read(DatabaseSnapshotTest::figures)).isEqualTo("21 cells, 0 played");
    }

    private static String figures(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(played) FROM cell")) {
            rs.next();
            return rs.getInt(1) + " cells, " + rs.getInt(2) + " played";
        }
    }
}
