package vn.bantin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.store.Database;
import vn.bantin.store.Sql;

@DisplayName("Ingest group commit: waiting batches share one durable commit, and each answer waits for it")
class IngestGroupCommitTest {

    @TempDir
    Path dir;
    private Database db;
    private IngestGroupCommit commits;
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @BeforeEach
    void open() {
        db = Database.open("jdbc:hsqldb:file:" + dir.resolve("db/bantin") + ";hsqldb.tx=mvcc", "SA", "");
        db.tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE group_probe (id INT PRIMARY KEY, caller VARCHAR(20) NOT NULL)");
            }
            return null;
        });
        commits = new IngestGroupCommit(db);
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        db.close();
    }

    @Test
    @DisplayName("batches queued while a commit is made run in the next transaction together, each answered"
            + " only once its rows are committed")
    void waitingBatchesShareOneTransaction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdTheWriter(release);
        Set<Connection> connections = ConcurrentHashMap.newKeySet();
        List<Future<Long>> waiting = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            int id = i;
            waiting.add(callers.submit(() -> {
                commits.run(c -> {
                    connections.add(c);
                    return insert(c, id, "waiting");
                });
                // answered: the row must be committed, visible to any other connection
                return rows("id = " + id);
            }));
        }
        while (commits.queued() < 6) {
            Thread.sleep(10);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<Long> f : waiting) {
            assertThat(f.get(10, TimeUnit.SECONDS)).as("row visible once answered").isEqualTo(1);
        }
        assertThat(connections).as("the six waiting batches ran in one transaction").hasSize(1);
        assertThat(rows("1 = 1")).isEqualTo(7);
    }

    @Test
    @DisplayName("the batches of one transaction share its prepared statements: the SQL is compiled once")
    void batchesShareStatements() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdTheWriter(release);
        Set<java.sql.PreparedStatement> statements = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> waiting = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int id = i;
            waiting.add(callers.submit(() -> commits.run(c -> {
                try (var ps = c.prepareStatement("INSERT INTO group_probe (id, caller) VALUES (?, ?)")) {
                    statements.add(ps.unwrap(java.sql.PreparedStatement.class));
                    ps.setInt(1, id);
                    ps.setString(2, "shared");
                    return ps.executeUpdate();
                }
            })));
        }
        while (commits.queued() < 4) {
            Thread.sleep(10);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<Integer> f : waiting) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(statements).as("one statement served the four batches").hasSize(1);
        assertThat(rows("caller = 'shared'")).isEqualTo(4);
    }

    @Test
    @DisplayName("a batch that fails in a group fails alone: the others are committed, its rows are not")
    void oneFailureFailsOnlyItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = holdTheWriter(release);
        List<Future<?>> good = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            int id = i;
            good.add(callers.submit(() -> commits.run(c -> insert(c, id, "good"))));
        }
        Future<?> bad = callers.submit(() -> commits.run(c -> {
            insert(c, 10, "bad");
            return insert(c, 0, "bad"); // id 0 is taken (committed first): a primary key violation
        }));
        while (commits.queued() < 4) {
            Thread.sleep(10);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> f : good) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(vn.bantin.store.StoreException.class)
                .hasMessageContaining("unique constraint");
        assertThat(rows("caller = 'good'")).isEqualTo(3);
        assertThat(rows("caller = 'bad'")).as("nothing of the failed batch is kept").isZero();
        int after = commits.run(c -> insert(c, 20, "after"));
        assertThat(after).as("the writer goes on").isEqualTo(1);
    }

    @Test
    @DisplayName("a work that throws an Error fails its caller instead of stopping the writer")
    void errorsDoNotStopTheWriter() {
        assertThatThrownBy(() -> commits.run(c -> {
            throw new AssertionError("boom");
        })).hasMessageContaining("boom");
        int after = commits.run(c -> insert(c, 1, "after"));
        assertThat(after).isEqualTo(1);
    }

    /** A work that inserts row 0 and keeps the writer busy until release: what comes meanwhile queues. */
    private Future<?> holdTheWriter(CountDownLatch release) throws InterruptedException {
        CountDownLatch writerBusy = new CountDownLatch(1);
        Future<?> first = callers.submit(() -> commits.run(c -> {
            writerBusy.countDown();
            await(release);
            return insert(c, 0, "first");
        }));
        assertThat(writerBusy.await(10, TimeUnit.SECONDS)).as("the writer took the first work").isTrue();
        return first;
    }

    private long rows(String where) {
        return db.read(c -> count(c, where));
    }

    private static int insert(Connection c, int id, String caller) throws SQLException {
        return Sql.update(c, "INSERT INTO group_probe (id, caller) VALUES (?, ?)", id, caller);
    }

    private static long count(Connection c, String where) throws SQLException {
        return Sql.one(c, "SELECT COUNT(*) FROM group_probe WHERE " + where, rs -> rs.getLong(1)).orElse(0L);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
