package vn.bantin.agent.sync;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.status.AgentStatus;

/** The sync thread: enroll until active, then pull the timeline and prefetch its media, on a poll interval. */
public final class SyncService implements Runnable {

    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());
    private final Backoff backoff = new Backoff(2_000, 300_000);

    private final ControllerClient client;
    private final Enrollment enrollment;
    private final TimelineStore store;
    private final MediaCache cache;
    private final AgentClock clock;
    private final Duration poll;
    private final String deviceId;
    private final AgentStatus status;
    /** While the push stream is open it brings changes, and heartbeats carry the version: pulls are only a safety net. */
    private static final long STREAM_OPEN_POLL_MS = 6 * 3600 * 1000L;

    private final Semaphore wake = new Semaphore(0);
    private volatile java.util.function.BooleanSupplier streamOpen = () -> false;
    private volatile boolean running = true;

    public SyncService(ControllerClient client, Enrollment enrollment, TimelineStore store, MediaCache cache,
                       AgentClock clock, Duration poll, String deviceId, AgentStatus status) {
        this.client = client;
        this.enrollment = enrollment;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
        this.poll = poll;
        this.deviceId = deviceId;
        this.status = status;
    }

    public void streamOpen(java.util.function.BooleanSupplier open) {
        this.streamOpen = open;
    }

    public void requestPull() {
        wake.release();
    }

    public void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            long waitMs = Backoff.jittered(streamOpen.getAsBoolean() ? STREAM_OPEN_POLL_MS : poll.toMillis());
            try {
                if (!enrollment.isActive()) {
                    boolean wasPinned = enrollment.pinnedKey() != null;
                    enrollment.attempt(client);
                    status.enrollment(enrollment.status());
                    if (!wasPinned && enrollment.pinnedKey() != null) {
                        store.init(new TimelineVerifier(enrollment.pinnedKey(), deviceId));
                    }
                    if (!enrollment.isActive()) {
                        await(backoff.next());
                        continue;
                    }
                }
                pullTimeline();
                Timeline timeline = store.current();
                if (timeline != null && cache.prefetch(timeline, clock.now(), client) == 0) {
                    cache.prune(timeline);
                } else if (timeline != null) {
                    waitMs = Math.min(waitMs, 15_000);
                }
                backoff.reset();
            } catch (IOException e) {
                LOG.warning("controller unreachable: " + e);
                waitMs = Math.min(waitMs, backoff.next());
            } catch (InterruptedException e) {
                return;
            }
            await(waitMs);
        }
    }

    /** The body goes straight to a file: a week's timeline is megabytes, and the heap is small. */
    void pullTimeline() throws IOException, InterruptedException {
        String etag = store.etag();
        Map<String, String> headers = etag == null ? Map.of() : Map.of("If-None-Match", etag);
        HttpResponse<SignedTimelineFile.Pulled> response = client.get("/agent/v1/timeline", headers,
                SignedTimelineFile.download(store.partFile(), "X-Bantin-Signature"));
        SignedTimelineFile.Pulled pulled = response.body();
        switch (response.statusCode()) {
            case 304 -> LOG.fine("timeline unchanged");
            case 200 -> {
                if (pulled.file() == null) {
                    LOG.severe("timeline pulled but not kept: " + pulled.text());
                    return;
                }
                try {
                    Timeline t = store.acceptPart();
                    LOG.info("timeline " + t.version() + " accepted: " + t.entries().size() + " entries");
                } catch (TimelineVerifier.TimelineRejected e) {
                    LOG.severe("timeline refused, keeping the last verified one: " + e.getMessage());
                }
            }
            default -> LOG.warning("timeline pull: HTTP " + response.statusCode() + " " + pulled.text());
        }
    }

    private void await(long ms) {
        try {
            wake.tryAcquire(ms, TimeUnit.MILLISECONDS);
            wake.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
