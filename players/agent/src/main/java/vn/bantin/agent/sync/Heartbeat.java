package vn.bantin.agent.sync;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.status.AgentStatus;

/** The heartbeat thread: reports health and measures the clock offset from the controller's answer. */
public final class Heartbeat implements Runnable {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());
    private static final Path THERMAL = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private final ControllerClient client;
    private final Enrollment enrollment;
    private final TimelineStore store;
    private final MediaCache cache;
    private final RecordSpool spool;
    private final AgentClock clock;
    private final AgentStatus status;
    private final SyncService sync;
    private final Duration interval;
    private final File stateDir;
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private volatile boolean running = true;

    public Heartbeat(ControllerClient client, Enrollment enrollment, TimelineStore store, MediaCache cache,
                     RecordSpool spool, AgentClock clock, AgentStatus status, SyncService sync, Duration interval,
                     Path stateDir) {
        this.client = client;
        this.enrollment = enrollment;
        this.store = store;
        this.cache = cache;
        this.spool = spool;
        this.clock = clock;
        this.status = status;
        this.sync = sync;
        this.interval = interval;
        this.stateDir = stateDir.toFile();
    }

    public void stop() {
        running = false;
        wake.release();
    }

    /** Sends one at once (an emergency alert went on air), not waiting for the interval. */
    public void now() {
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (enrollment.isActive()) {
                    beat();
                }
                pause(Backoff.jittered(interval.toMillis()));
            } catch (IOException e) {
                LOG.warning("heartbeat failed: " + e);
                sleepQuietly();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void beat() throws IOException, InterruptedException {
        Timeline timeline = store.current();
        String version = timeline == null ? null : timeline.version();
        AgentClock.Probe probe = clock.probe();
        HttpResponse<byte[]> response = client.postJson("/agent/v1/heartbeat", body(clock.now(), version));
        if (response.statusCode() != 200) {
            LOG.warning("heartbeat: HTTP " + response.statusCode() + " " + ControllerClient.bodyText(response));
            return;
        }
        Map<String, Object> answer = JSON.std.mapFrom(response.body());
        long serverTime = ((Number) answer.get("serverTime")).longValue();
        clock.signedMeasurement(probe.measure(serverTime), "heartbeat answer");
        Object serverVersion = answer.get("timelineVersion");
        if (serverVersion != null && !Objects.equals(serverVersion, version)) {
            sync.requestPull();
        }
    }

    private Map<String, Object> body(long agentTime, String version) {
        AgentStatus.NowPlaying playing = status.nowPlaying();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("agentTime", agentTime);
        b.put("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
        b.put("diskFreeBytes", stateDir.getUsableSpace());
        b.put("cacheBytes", cache.bytes());
        b.put("timelineVersion", version);
        b.put("nowPlaying", playing == null ? null
                : Map.of("entryId", playing.entryId(), "sha256", playing.sha256(), "since", playing.since()));
        b.put("volume", status.volume() == null ? 0 : status.volume()); // contract: an integer 0-100; nothing plays
        b.put("temperatureC", temperature());
        b.put("version", Enrollment.VERSION);
        b.put("clockOffsetMs", clock.offsetMs());
        b.put("spooledRecords", spool.count());
        return b;
    }

    private static Double temperature() {
        try {
            return Long.parseLong(Files.readString(THERMAL, StandardCharsets.US_ASCII).trim()) / 1000.0;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private void pause(long ms) throws InterruptedException {
        if (wake.tryAcquire(ms, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            wake.drainPermits();
        }
    }

    private void sleepQuietly() {
        try {
            pause(Backoff.jittered(Math.min(interval.toMillis(), 10_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
