package vn.bantin.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.store.Database;

/**
 * One writer for the ingest's transactions: the batches waiting while a commit is being made are run one after
 * another in the next transaction and share its durable commit (one log write and fsync for all of them), so
 * concurrent agents do not queue for the disk one by one, nor wait on each other's rollup rows. {@link #run}
 * returns only once the transaction holding the work has committed: no acknowledgement can leave before its
 * records are on disk. The writer keeps one connection ({@link Database.Held}) whose prepared statements serve
 * every batch of every group: each statement is compiled once, not once per batch or per group. When a group's
 * transaction fails, nothing of it is kept and each of its works is run again alone, so one bad batch fails only
 * itself.
 */
final class IngestGroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(IngestGroupCommit.class);
    /** Most batches joined in one transaction (a batch holds up to 1,000 records). */
    static final int MAX_GROUP = 16;

    /** Used by the writer thread only. */
    private final Database.Held writer;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();

    private record Pending<T>(Database.Work<T> work, CompletableFuture<T> done) {
        void runAlone(Database.Held writer) {
            try {
                done.complete(writer.tx(work));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }

    IngestGroupCommit(Database db) {
        this.writer = db.held();
        Thread writer = new Thread(this::write, "bantin-ingest-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs work in a transaction, maybe with others' work; returns its result once that transaction committed. */
    <T> T run(Database.Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        queue.add(new Pending<>(work, done));
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** How many works wait for the writer (for tests). */
    int queued() {
        return queue.size();
    }

    private void write() {
        List<Pending<?>> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                commit(group);
            } catch (Throwable e) {
                // the writer must outlive anything a work throws, and no caller may wait for ever
                LOG.error("ingest writer: a group of {} batches failed", group.size(), e);
                group.forEach(p -> p.done().completeExceptionally(e));
            }
            group.clear();
        }
    }

    private void commit(List<Pending<?>> group) {
        if (group.size() == 1) {
            group.get(0).runAlone(writer);
            return;
        }
        List<Object> results;
        try {
            results = writer.tx(c -> {
                List<Object> out = new ArrayList<>(group.size());
                for (Pending<?> p : group) {
                    out.add(p.work().run(c));
                }
                return out;
            });
        } catch (RuntimeException e) {
            LOG.info("a group of {} ingest batches failed ({}); each is run alone", group.size(), e.getMessage());
            group.forEach(p -> p.runAlone(writer));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i), results.get(i));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> p, Object result) {
        p.done().complete((T) result);
    }
}
