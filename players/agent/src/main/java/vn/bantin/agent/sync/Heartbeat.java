package vn.bantin.agent.sync;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.crypto.RequestSigner;

/**
 * The heartbeat thread: reports health — on the push stream while it is open, so an idle endpoint opens no
 * new connection, else over HTTP — and measures the clock offset only from answers the pinned controller
 * key signed for this very heartbeat (its nonce). What a heartbeat reported of faults and counts is taken
 * off the list once such an answer came back.
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
    private static final long STREAM_ANSWER_MS = 15_000;
    /** Early heartbeats (a fault came or went) at most this often, so a flapping fault cannot flood the link. */
    private static final long MIN_SPACING_MS = 1_000;
    private static final long NOT_ENROLLED_CHECK_MS = 1_000;

    private final Semaphore wake = new Semaphore(0);
    private final Map<String, CompletableFuture<Map<String, Object>>> onStream = new ConcurrentHashMap<>();
    private final RequestSigner signer;
    private volatile PushClient stream;
    private volatile boolean running = true;

    public Heartbeat(ControllerClient client, RequestSigner signer, Enrollment enrollment, HeartbeatFacts.Sources sources,
                     SyncService sync, Duration interval, String deviceId) {
        this.client = client;
        this.signer = signer;
        this.enrollment = enrollment;
        this.sources = sources;
        this.sync = sync;
        this.interval = interval;
        this.deviceId = deviceId;
    }

    /** Heartbeats go on this stream while it is open. */
    public void sendOn(PushClient push) {
        this.stream = push;
    }

    public void stop() {
        running = false;
        wake.release();
    }

    /** Sends one at once (an emergency alert went on air, a fault came or went), not waiting for the interval. */
    public void now() {
        wake.release();
    }

    @Override
    public void run() {
        Backoff retry = new Backoff(5_000, interval.toMillis());
        while (running) {
            long wait = Backoff.jittered(interval.toMillis());
            try {
                if (!enrollment.isActive()) {
                    wait = NOT_ENROLLED_CHECK_MS;   // the first heartbeat follows the enrollment, not an interval later
                } else if (!beat()) {
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
                long beatEnded = System.nanoTime();
                if (wake.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    long since = (System.nanoTime() - beatEnded) / 1_000_000;
                    if (since < MIN_SPACING_MS) {
                        Thread.sleep(MIN_SPACING_MS - since);
                    }
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One heartbeat, on the push stream when it is open, else over HTTP; true when a signed answer came back. */
    public boolean beat() throws IOException, InterruptedException {
        HeartbeatFacts.Beat beat = HeartbeatFacts.collect(sources);
        byte[] body = ControllerClient.json(beat.body());
        if (stream != null && stream.isOpen()) {
            Boolean onStream = beatOnStream(beat, body);
            if (onStream != null) {
                return onStream;
            }
        }
        ControllerClient.Exchange<byte[]> ex = client.exchange("POST", PATH, body,
                Map.of("Content-Type", "application/json"), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response = ex.response();
        if (response.statusCode() != 200) {
            LOG.warning("heartbeat: HTTP " + response.statusCode() + " " + ControllerClient.bodyText(response));
            return false;
        }
        return answered(beat, response.body(), response.headers().firstValue("X-Bantin-Signature").orElse(null),
                ex.nonce(), ex.probe());
    }

    /**
     * The same signed heartbeat as a stream message; its answer comes back on the stream. Null when the stream
     * could not carry it (closed, or no answer in time): then HTTP does.
     */
    private Boolean beatOnStream(HeartbeatFacts.Beat beat, byte[] body) throws IOException, InterruptedException {
        AgentClock.Probe probe = sources.clock().probe();
        Map<String, String> signed = signer.headers("POST", PATH, body, sources.clock().now());
        String nonce = signed.get("X-Bantin-Nonce");
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        onStream.put(nonce, answer);
        try {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", "heartbeat");
            message.put("nonce", nonce);
            message.put("timestamp", Long.parseLong(signed.get("X-Bantin-Timestamp")));
            message.put("signature", signed.get("X-Bantin-Signature"));
            message.put("body", new String(body, StandardCharsets.UTF_8));
            if (!stream.send(JSON.std.asString(message))) {
                return null;
            }
            Map<String, Object> a = answer.get(STREAM_ANSWER_MS, TimeUnit.MILLISECONDS);
            if (!(a.get("status") instanceof Number status) || status.intValue() != 200) {
                refusedOnStream(a, nonce, probe);
                return false;
            }
            return answered(beat, String.valueOf(a.get("body")).getBytes(StandardCharsets.UTF_8),
                    (String) a.get("signature"), nonce, probe);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } finally {
            onStream.remove(nonce);
        }
    }

    /** A heartbeat-answer message from the push stream. */
    public void answeredOnStream(Map<String, Object> message) {
        CompletableFuture<Map<String, Object>> waiting = onStream.get(String.valueOf(message.get("nonce")));
        if (waiting != null) {
            waiting.complete(message);
        }
    }

    /** Refused on the stream like a 401: a server time signed for our nonce may correct the clock. */
    private void refusedOnStream(Map<String, Object> a, String nonce, AgentClock.Probe probe) {
        LOG.warning("heartbeat refused on the stream: " + a.get("status") + " " + a.get("code"));
        if (a.get("serverTime") instanceof Number time && ControllerSignatures.serverTime(enrollment.pinnedKey(), nonce,
                time.longValue(), (String) a.get("serverTimeSignature"))) {
            sources.clock().signedMeasurement(probe.measure(time.longValue()), "signed stream refusal");
        }
    }

    /** A signed answer to our heartbeat (its nonce): clock, delivered faults and counts, timeline version. */
    private boolean answered(HeartbeatFacts.Beat beat, byte[] body, String signature, String nonce,
                             AgentClock.Probe probe) throws IOException {
        if (!ControllerSignatures.body(enrollment.pinnedKey(), body, signature)) {
            sources.faults().event("unsigned_answer", "a heartbeat answer not signed by the pinned controller key"
                    + " was ignored");
            return false;
        }
        Map<String, Object> answer = JSON.std.mapFrom(body);
        if (!deviceId.equals(answer.get("deviceId")) || !Objects.equals(nonce, answer.get("nonce"))
                || !(answer.get("serverTime") instanceof Number serverTime)) {
            sources.faults().event("unsigned_answer", "a signed heartbeat answer for another device or request"
                    + " was ignored (replayed?)");
            return false;
        }
        sources.clock().signedMeasurement(probe.measure(serverTime.longValue()), "heartbeat answer");
        sources.faults().delivered(beat.faults());
        sources.since().delivered(beat.counts());
        Object serverVersion = answer.get("timelineVersion");
        if (serverVersion != null && !Objects.equals(serverVersion, beat.body().get("timelineVersion"))) {
            sync.requestPull();
        }
        return true;
    }
}
