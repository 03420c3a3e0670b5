package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Statement cache: a statement prepared again in one transaction is the one kept, reset")
class StatementCacheTest {

    private static final String INSERT = "INSERT INTO probe (id, name) VALUES (?, ?)";
    private static final String BY_ID = "SELECT name FROM probe WHERE id = ?";

    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:hsqldb:file:" + dir.resolve("db/bantin") + ";hsqldb.tx=mvcc", "SA", "");
        db.tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE probe (id INT PRIMARY KEY, name VARCHAR(20))");
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("the same SQL prepared twice, one after the other, compiles once and starts clean each time")
    void keepsAndResets() throws Exception {
        db.tx(raw -> {
            try (StatementCache cache = StatementCache.over(raw)) {
                Connection c = cache.connection();
                PreparedStatement first;
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    first = unwrapped(ps);
                    ps.setInt(1, 1);
                    ps.setString(2, "một");
                    ps.addBatch();
                    ps.setInt(1, 2);
                    ps.setString(2, "hai");
                    ps.addBatch();
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    assertThat(unwrapped(ps)).as("the kept statement").isSameAs(first);
                    // the batch of the earlier use was cleared: only this row is inserted
                    ps.setInt(1, 3);
                    ps.setString(2, "ba");
                    ps.addBatch();
                    assertThat(ps.executeBatch()).hasSize(1);
                }
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    assertThatThrownBy(ps::executeUpdate).as("parameters of the earlier use are cleared")
                            .isInstanceOf(SQLException.class);
                }
                assertThat(Sql.list(c, BY_ID, rs -> rs.getString(1), 2)).containsExactly("hai");
                assertThat(Sql.list(c, BY_ID, rs -> rs.getString(1), 3)).containsExactly("ba");
            }
            return null;
        });
        List<Integer> ids = db.read(c -> Sql.list(c, "SELECT id FROM probe ORDER BY id", rs -> rs.getInt(1)));
        assertThat(ids).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("a statement still open is not handed out again: a nested prepare of its SQL gets its own")
    void nestedUseGetsItsOwn() throws Exception {
        db.tx(raw -> {
            Sql.batch(raw, INSERT, List.of(new Object[] {1, "một"}, new Object[] {2, "hai"}));
            try (StatementCache cache = StatementCache.over(raw)) {
                Connection c = cache.connection();
                try (PreparedStatement outer = c.prepareStatement(BY_ID)) {
                    outer.setInt(1, 1);
                    try (ResultSet rs = outer.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(Sql.list(c, BY_ID, r -> r.getString(1), 2)).containsExactly("hai");
                        assertThat(rs.getString(1)).as("the outer result set is untouched").isEqualTo("một");
                    }
                }
            }
            return null;
        });
    }

    @Test
    @DisplayName("a closed view refuses work, and closing the cache closes what it kept")
    void closedMeansClosed() throws Exception {
        db.tx(raw -> {
            PreparedStatement kept;
            PreparedStatement view;
            try (StatementCache cache = StatementCache.over(raw)) {
                view = cache.connection().prepareStatement(BY_ID);
                kept = unwrapped(view);
                view.close();
                assertThat(view.isClosed()).isTrue();
                assertThatThrownBy(view::executeQuery).isInstanceOf(SQLException.class);
                assertThat(kept.isClosed()).as("kept for the next prepare").isFalse();
            }
            assertThat(kept.isClosed()).isTrue();
            assertThat(raw.isClosed()).as("the connection stays open").isFalse();
            return null;
        });
    }

    /** The database's own statement behind a view (and behind the pool's wrapper). */
    private static PreparedStatement unwrapped(PreparedStatement view) throws SQLException {
        return view.unwrap(PreparedStatement.class);
    }
}
