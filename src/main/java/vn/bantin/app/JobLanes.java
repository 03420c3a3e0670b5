package vn.bantin.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Two workers over one queue of media jobs, so that processing serves the schedule:
 * <ul>
 * <li>the job whose output is needed first runs first ({@link #neededAt}: an alert's asset before anything,
 *     then the soonest slot; jobs nothing needs yet go in arrival order);</li>
 * <li>a job on a long source ({@link Lane#LONG}) only ever takes the second worker, so one ten-hour upload
 *     cannot hold both and make a three-second bulletin wait: the first worker takes short jobs only;</li>
 * <li>long jobs run at a lower CPU priority (the caller's RenditionMaker for that lane), so short ones get the
 *     cores they need while a long encode goes on.</li>
 * </ul>
 * Needs are looked up when a worker picks its next job, so a campaign approved while jobs wait reorders them.
 */
final class JobLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobLanes.class);

    enum Lane { SHORT, LONG }

    /** A queued job: which asset it serves, its lane, and its place in arrival order. */
    record Queued(long jobId, long assetId, Lane lane) {
    }

    /** What a worker does with a job it took. */
    interface Runner {
        void run(Queued job);
    }

    private final List<Queued> queued = new ArrayList<>();
    private final Function<Set<Long>, Map<Long, Long>> neededAt;
    private final Runner runner;
    private final List<Thread> workers = new ArrayList<>();
    /** What each worker runs now: [0] the short-only worker, [1] the one that takes any job. */
    private final Queued[] running = new Queued[2];
    private volatile boolean closing;

    /**
     * The queue as a worker would see it now: the running job of each worker (null when idle) and the waiting
     * jobs ranked in the order they would be taken.
     */
    record Snapshot(Queued runningShort, Queued runningAny, List<Queued> waiting) {
    }

    /** neededAt: asset id → when its output is first needed (epoch ms; 0 for an alert); absent = not yet. */
    JobLanes(Function<Set<Long>, Map<Long, Long>> neededAt, Runner runner) {
        this.neededAt = neededAt;
        this.runner = runner;
        workers.add(worker("media-job-short", false));
        workers.add(worker("media-job-any", true));
        workers.forEach(Thread::start);
    }

    synchronized void offer(Queued job) {
        if (queued.stream().noneMatch(q -> q.jobId() == job.jobId())) {
            queued.add(job);
            notifyAll();
        }
    }

    Snapshot snapshot() {
        List<Queued> waiting;
        Queued shortNow;
        Queued anyNow;
        synchronized (this) {
            waiting = List.copyOf(queued);
            shortNow = running[0];
            anyNow = running[1];
        }
        return new Snapshot(shortNow, anyNow, ranked(waiting));
    }

    /** Job ids waiting, in the order they would run now on a worker that takes any job. */
    List<Long> order() {
        List<Queued> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(queued);
        }
        return ranked(snapshot).stream().map(Queued::jobId).toList();
    }

    private Thread worker(String name, boolean takesLong) {
        Thread t = new Thread(() -> work(takesLong), name);
        t.setDaemon(true);
        return t;
    }

    private void work(boolean takesLong) {
        while (!closing) {
            Optional<Queued> next;
            try {
                next = take(takesLong);
            } catch (InterruptedException e) {
                return;
            }
            next.ifPresent(job -> {
                try {
                    runner.run(job);
                } catch (RuntimeException e) {
                    log.error("media job {} crashed its worker", job.jobId(), e);
                } finally {
                    synchronized (this) {
                        running[takesLong ? 1 : 0] = null;
                    }
                }
            });
        }
    }

    /** Waits for a job this worker may take, then removes and returns the one needed first. */
    private Optional<Queued> take(boolean takesLong) throws InterruptedException {
        while (!closing) {
            List<Queued> eligible;
            synchronized (this) {
                eligible = queued.stream().filter(q -> takesLong || q.lane() == Lane.SHORT).toList();
                if (eligible.isEmpty()) {
                    wait();
                    continue;
                }
            }
            List<Queued> ranked = ranked(eligible);
            synchronized (this) {
                for (Queued q : ranked) {
                    if (queued.remove(q)) {
                        running[takesLong ? 1 : 0] = q;
                        return Optional.of(q);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private List<Queued> ranked(List<Queued> jobs) {
        Set<Long> assets = new HashSet<>();
        jobs.forEach(q -> assets.add(q.assetId()));
        Map<Long, Long> needs = needs(assets);
        List<Queued> ranked = new ArrayList<>(jobs);
        ranked.sort(Comparator.comparingLong((Queued q) -> needs.getOrDefault(q.assetId(), Long.MAX_VALUE))
                .thenComparingLong(Queued::jobId));
        return ranked;
    }

    private Map<Long, Long> needs(Set<Long> assets) {
        try {
            return assets.isEmpty() ? Map.of() : neededAt.apply(assets);
        } catch (RuntimeException e) {
            log.warn("could not look up when media is needed; running jobs in arrival order", e);
            return Map.of();
        }
    }

    /** Stops the workers (interrupting the jobs they run); what is still queued stays in the table. */
    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            notifyAll();
        }
        workers.forEach(Thread::interrupt);
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
