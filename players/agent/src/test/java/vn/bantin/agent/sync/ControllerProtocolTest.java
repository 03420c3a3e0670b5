package vn.bantin.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.clock.ShiftedTime;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.crypto.RequestSigner;
import vn.bantin.agent.spool.Acks;
import vn.bantin.agent.spool.GapNotices;
import vn.bantin.agent.spool.PlayRecord;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.Uploader;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.status.SinceLastHeartbeat;

/** The client's side of the protocol against a small signing, signature-checking server on 127.0.0.1. */
class ControllerProtocolTest {

    @TempDir
    Path state;
    private HttpServer server;
    private TestController controller;
    private DeviceKeys keys;
    private byte[] media;
    private byte[] timelineBody;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile long highestStored;

    @BeforeEach
    void start() throws Exception {
        controller = new TestController();
        keys = DeviceKeys.loadOrCreate(state);
        media = new byte[100_000];
        new java.util.Random(7).nextBytes(media);
        timelineBody = TestController.timeline(keys.deviceId(), Hashes.sha256Hex(media), media.length,
                System.currentTimeMillis() + 3_600_000);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/agent/v1/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void enrollPullTimelineResumeMediaUploadAndHeartbeatAllSigned() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Enrollment enrollment = new Enrollment(state, keys, "SPEAKER", "loa-thon-1", "CODE-1",
                ControllerTrust.of(null, ControllerTrust.fingerprint(controller.rawPublicKey())));
        AgentClock rightClock = new AgentClock(state, ShiftedTime.by(0), 1_000);
        assertThat(enrollment.attempt(new ControllerClient(base, new RequestSigner(keys), rightClock,
                enrollment::pinnedKey, ControllerClient.Link.NONE))).isTrue();
        assertThat(enrollment.pinnedKey()).isEqualTo(controller.rawPublicKey());

        // the agent comes back with its system clock an hour behind: the first call is refused with a signed
        // server time, and the offset is corrected once a second signed refusal confirms the first
        AgentClock clock = new AgentClock(state, ShiftedTime.by(-3_600_000), 1_000);
        ControllerClient client = new ControllerClient(base, new RequestSigner(keys), clock, enrollment::pinnedKey,
                ControllerClient.Link.NONE);
        TimelineStore store = new TimelineStore(state);
        store.init(new TimelineVerifier(enrollment.pinnedKey(), keys.deviceId()));
        MediaCache cache = new MediaCache(state.resolve("media"));
        AgentStatus status = new AgentStatus(state, keys.deviceId());
        SyncService sync = new SyncService(client, enrollment, store, cache, clock, Duration.ofMinutes(1),
                keys.deviceId(), status);
        sync.pullTimeline();
        assertThat(Math.abs(clock.now() - System.currentTimeMillis())).isLessThan(1_000);
        sync.pullTimeline();
        assertThat(store.current().entries()).hasSize(1);

        String sha = Hashes.sha256Hex(media);
        Files.write(state.resolve("media").resolve(sha + ".part"), Arrays.copyOf(media, 40_000));
        assertThat(cache.prefetch(store.current(), clock.now(), client)).isZero();
        assertThat(Files.readAllBytes(cache.file(sha))).isEqualTo(media);

        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        for (int i = 0; i < 3; i++) {
            spool.append(new PlayRecord("e1", 3L, "NORMAL", "ONCE", sha, 1L, 2L, 3L, PlayRecord.Outcome.PLAYED,
                    null, clock.offsetMs(), "v"));
        }
        highestStored = 2; // the controller acknowledges only the first two
        new Uploader(spool, new GapNotices(state.resolve("notices"), keys, clock::now), client, () -> true,
                enrollment::pinnedKey).uploadBatch();
        assertThat(spool.oldest(10)).extracting(r -> r.seq()).containsExactly(3L);

        Faults faults = new Faults(clock::now);
        clock.reportTo(faults);
        faults.event("clock_jump", "test");
        SinceLastHeartbeat since = SinceLastHeartbeat.open(state);
        Heartbeat heartbeat = new Heartbeat(client, new RequestSigner(keys), enrollment, new HeartbeatFacts.Sources(clock, status, store, cache,
                spool, faults, since, () -> "IDLE", () -> 100, state), sync, Duration.ofMinutes(1), keys.deviceId());
        assertThat(heartbeat.beat()).isTrue();
        assertThat(faults.snapshot()).as("what the answered heartbeat told is not told again").isEmpty();
        assertThat(since.snapshot(clock.now()).restarts()).isZero();

        assertThat(seen).containsExactly(
                "POST /agent/v1/enroll 200",
                "GET /agent/v1/timeline 401", "GET /agent/v1/timeline 401", "GET /agent/v1/timeline 200",
                "GET /agent/v1/timeline 304",
                "GET /agent/v1/media/" + sha + " 206 bytes=40000-",
                "POST /agent/v1/plays 200", "POST /agent/v1/heartbeat 200");
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        byte[] deviceKey = path.equals("/agent/v1/enroll")
                ? Base64.getDecoder().decode((String) JSON.std.mapFrom(body).get("publicKey"))
                : keys.rawPublicKey();
        String device = ex.getRequestHeaders().getFirst("X-Bantin-Device");
        long timestamp = Long.parseLong(ex.getRequestHeaders().getFirst("X-Bantin-Timestamp"));
        String toSign = RequestSigner.stringToSign(method, path, device, timestamp,
                ex.getRequestHeaders().getFirst("X-Bantin-Nonce"), body);
        long serverTime = System.currentTimeMillis();
        ex.getResponseHeaders().add("X-Bantin-Server-Time", Long.toString(serverTime));
        ex.getResponseHeaders().add("X-Bantin-Server-Time-Signature", sign(("bantin-server-time\n"
                + ex.getRequestHeaders().getFirst("X-Bantin-Nonce") + "\n" + serverTime).getBytes(StandardCharsets.UTF_8)));
        if (!Ed25519.verify(deviceKey, toSign.getBytes(StandardCharsets.UTF_8),
                ex.getRequestHeaders().getFirst("X-Bantin-Signature"))
                || !device.equals(Hashes.sha256Hex(deviceKey).substring(0, 32))) {
            reply(ex, method + " " + path, 401, "{\"code\":\"bad_signature\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (Math.abs(timestamp - System.currentTimeMillis()) > 300_000) {
            reply(ex, method + " " + path, 401, "{\"code\":\"clock_skew\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        switch (path) {
            case "/agent/v1/enroll" -> {
                byte[] answer = JSON.std.asBytes(Map.of("deviceId", device, "endpointId", 12, "status", "ACTIVE",
                        "controllerPublicKey", Base64.getEncoder().encodeToString(controller.rawPublicKey()),
                        "serverTime", System.currentTimeMillis(),
                        "nonce", ex.getRequestHeaders().getFirst("X-Bantin-Nonce")));
                ex.getResponseHeaders().add("X-Bantin-Signature", sign(answer));
                reply(ex, "POST " + path, 200, answer);
            }
            case "/agent/v1/timeline" -> timeline(ex);
            case "/agent/v1/plays" -> {
                List<?> records = (List<?>) JSON.std.mapFrom(body).get("records");
                for (Object o : records) {
                    Map<?, ?> r = (Map<?, ?>) o;
                    byte[] payload = ((String) r.get("payload")).getBytes(StandardCharsets.UTF_8);
                    if (!Ed25519.verify(keys.rawPublicKey(), payload, (String) r.get("sig"))) {
                        reply(ex, "POST " + path, 400, new byte[0]);
                        return;
                    }
                }
                byte[] ack = Acks.of(device, body, List.of(Acks.range(1, highestStored)), List.of());
                try {
                    ex.getResponseHeaders().add("X-Bantin-Signature", controller.sign(ack));
                } catch (Exception e) {
                    throw new IOException(e);
                }
                reply(ex, "POST " + path, 200, ack);
            }
            case "/agent/v1/heartbeat" -> {
                byte[] answer = JSON.std.asBytes(Map.of("deviceId", device, "nonce",
                        ex.getRequestHeaders().getFirst("X-Bantin-Nonce"), "serverTime", System.currentTimeMillis(),
                        "timelineVersion", "x"));
                ex.getResponseHeaders().add("X-Bantin-Signature", sign(answer));
                reply(ex, "POST " + path, 200, answer);
            }
            default -> media(ex, path);
        }
    }

    private String sign(byte[] data) throws IOException {
        try {
            return controller.sign(data);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void timeline(HttpExchange ex) throws IOException {
        String etag = "\"" + Hashes.sha256Hex(timelineBody) + "\"";
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            reply(ex, "GET /agent/v1/timeline", 304, null);
            return;
        }
        ex.getResponseHeaders().add("ETag", etag);
        try {
            ex.getResponseHeaders().add("X-Bantin-Signature", controller.sign(timelineBody));
        } catch (Exception e) {
            throw new IOException(e);
        }
        reply(ex, "GET /agent/v1/timeline", 200, timelineBody);
    }

    private void media(HttpExchange ex, String path) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range == null) {
            reply(ex, "GET " + path, 200, media);
            return;
        }
        int from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
        ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (media.length - 1) + "/" + media.length);
        reply(ex, "GET " + path + " 206 " + range, 206, Arrays.copyOfRange(media, from, media.length));
    }

    private void reply(HttpExchange ex, String what, int status, byte[] body) throws IOException {
        seen.add(what.contains(" 206 ") ? what : what + " " + status);
        ex.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }
}
