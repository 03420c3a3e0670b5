package vn.bantin.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The connection pool, migrated on open; shut down cleanly so HSQLDB writes its files and drops its lock.
 *
 * <p>An HSQLDB file database is made durable before anything else runs: every commit is written and
 * fsync'ed to the log before {@link #tx} returns (HSQLDB's default delays that by 500 ms, so a power cut
 * after an acknowledgement would lose acknowledged records), and tables are created CACHED (on disk,
 * paged through a bounded cache) rather than MEMORY (the whole table in the heap). Migration V10 turns the
 * tables made before this into CACHED ones. PostgreSQL commits durably by default.
 */
public final class Database implements AutoCloseable {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** HSQLDB's row cache: at most this many rows, and this many kilobytes of them. */
    static final int CACHE_ROWS = 200_000;
    static final int CACHE_KB = 65_536;

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(8);
        cfg.setPoolName("bantin-db");
        HikariDataSource ds = new HikariDataSource(cfg);
        try {
            if (isHsqldbFile(jdbcUrl)) {
                makeDurable(ds);
            }
            // out of order: parallel lines of work number their migrations in separate ranges (see
            // db/migration/README.md), so a database may meet a lower number after a higher one
            Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:vn/bantin/store/migration")
                    .outOfOrder(true).load().migrate();
            if (isHsqldbFile(jdbcUrl)) {
                checkpoint(ds);
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds);
    }

    /**
     * The settings are kept in the database's own files, so they hold for any later opener too. The row cache
     * (HSQLDB's default: 50,000 rows or 10 MB) is made large enough that ingest's index pages stay in it instead
     * of being written out and read back between batches; HSQLDB sizes its cache when it first opens a CACHED
     * table, so a new database gets it at once and an older one from its next start.
     */
    private static void makeDurable(HikariDataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET FILES WRITE DELAY FALSE");
            s.execute("SET DATABASE DEFAULT TABLE TYPE CACHED");
            s.execute("SET FILES CACHE ROWS " + CACHE_ROWS);
            s.execute("SET FILES CACHE SIZE " + CACHE_KB);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Writes the migrated schema into the .script file and empties the log. HSQLDB replays its log after a
     * crash, and a replayed migration can name a generated constraint differently (V14 drops foreign keys by
     * their generated names): the replay then stops at that statement and drops everything logged after it,
     * acknowledged records included. After this checkpoint the log holds only rows, never that DDL.
     */
    private static void checkpoint(HikariDataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static boolean isHsqldbFile(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:hsqldb:file:");
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T tx(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A connection for one long-lived thread's transactions, its prepared statements kept between them. */
    public Held held() {
        return new Held();
    }

    /**
     * One connection of the pool, taken on first use and kept, for one thread only: each statement its transactions
     * prepare is compiled once and reused by every later transaction ({@link StatementCache}), not compiled again
     * per transaction. A failed transaction is rolled back and the connection given back to the pool with its
     * statements, so nothing of a failure carries over; the next transaction takes a fresh one.
     */
    public final class Held implements AutoCloseable {
        private Connection connection;
        private StatementCache statements;

        private Held() {
        }

        /** Runs work in one transaction on the kept connection: committed if it returns, rolled back if it throws. */
        public <T> T tx(Work<T> work) {
            try {
                if (connection == null) {
                    connection = pool.getConnection();
                    connection.setAutoCommit(false);
                    statements = StatementCache.over(connection);
                }
                T result = work.run(statements.connection());
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    if (connection != null) {
                        connection.rollback();
                    }
                } catch (SQLException ignored) {
                    // the connection is given up below; the failure that matters is e
                } finally {
                    close();
                }
                throw e instanceof SQLException sql ? new StoreException(sql) : (RuntimeException) e;
            }
        }

        /** Gives the connection back to the pool (its kept statements closed); a later tx takes one again. */
        @Override
        public void close() {
            try {
                if (statements != null) {
                    statements.close();
                }
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException e) {
                // a statement or connection that cannot close is the pool's to discard
            } finally {
                statements = null;
                connection = null;
            }
        }
    }

    /**
     * Runs reads in one read-only transaction that sees the database as one committed state (REPEATABLE READ: a
     * snapshot under HSQLDB's MVCC and PostgreSQL), so a report made of several queries never counts a batch that
     * committed halfway through it in some of them only. Writers are not held up by it.
     */
    public <T> T snapshot(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    @Override
    public void close() {
        if (pool.getJdbcUrl().startsWith("jdbc:hsqldb:")) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // the pool is closing anyway; HSQLDB recovers from its log on next open
            }
        }
        pool.close();
    }
}
