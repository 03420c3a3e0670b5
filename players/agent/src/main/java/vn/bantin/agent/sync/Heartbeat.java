package vn.bantin.agent.sync;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The heartbeat thread: reports health, and measures the clock offset only from answers the pinned
 * controller key signed for this very heartbeat (its nonce). What a heartbeat reported of faults and
 * counts is taken off the list once such an answer came back.
 */
public final class Heartbeat implements Runnable {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());
    static final String PATH = "/agent/v1/heartbeat";

    private final ControllerClient client;
    private final Enrollment enrollment;
    private final HeartbeatFacts.Sources sources;
    private final SyncService sync;
    private final Duration interval;
    private final String deviceId;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;

    public Heartbeat(ControllerClient client, Enrollment enrollment, HeartbeatFacts.Sources sources, SyncService sync,
                     Duration interval, String deviceId) {
        this.client = client;
        this.enrollment = enrollment;
        this.sources = sources;
        this.sync = sync;
        this.interval = interval;
        this.deviceId = deviceId;
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
        Backoff retry = new Backoff(5_000, interval.toMillis());
        while (running) {
            long wait = Backoff.jittered(interval.toMillis());
            try {
                if (enrollment.isActive() && !beat()) {
                    wait = retry.next();
                } else {
                    retry.reset();
                }
            } catch (IOException e) {
                LOG.warning("heartbeat failed: " + e);
                wait = retry.next();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (wake.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One heartbeat; true when a signed answer for it came back. */
    public boolean beat() throws IOException, InterruptedException {
        HeartbeatFacts.Beat beat = HeartbeatFacts.collect(sources);
        ControllerClient.Exchange<byte[]> ex = client.exchange("POST", PATH, ControllerClient.json(beat.body()),
                Map.of("Content-Type", "application/json"), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response = ex.response();
        if (response.statusCode() != 200) {
            LOG.warning("heartbeat: HTTP " + response.statusCode() + " " + ControllerClient.bodyText(response));
            return false;
        }
        String signature = response.headers().firstValue("X-Bantin-Signature").orElse(null);
        if (!ControllerSignatures.body(enrollment.pinnedKey(), response.body(), signature)) {
            sources.faults().event("unsigned_answer", "a heartbeat answer not signed by the pinned controller key"
                    + " was ignored");
            return false;
        }
        Map<String, Object> answer = JSON.std.mapFrom(response.body());
        if (!deviceId.equals(answer.get("deviceId")) || !Objects.equals(ex.nonce(), answer.get("nonce"))
                || !(answer.get("serverTime") instanceof Number serverTime)) {
            sources.faults().event("unsigned_answer", "a signed heartbeat answer for another device or request"
                    + " was ignored (replayed?)");
            return false;
        }
        sources.clock().signedMeasurement(ex.probe().measure(serverTime.longValue()), "heartbeat answer");
        sources.faults().delivered(beat.faults());
        sources.since().delivered(beat.counts());
        Object serverVersion = answer.get("timelineVersion");
        if (serverVersion != null && !Objects.equals(serverVersion, beat.body().get("timelineVersion"))) {
            sync.requestPull();
        }
        return true;
    }
}
