package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.RequestSigner;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.status.SinceLastHeartbeat;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.sync.ControllerClient;
import vn.bantin.agent.sync.ControllerTrust;
import vn.bantin.agent.sync.Enrollment;
import vn.bantin.agent.sync.Heartbeat;
import vn.bantin.agent.sync.HeartbeatFacts;
import vn.bantin.agent.sync.MediaCache;
import vn.bantin.agent.sync.SyncService;
import vn.bantin.agent.sync.TimelineStore;
import vn.bantin.agent.sync.TimelineVerifier;

/**
 * The heartbeat body as the agent sends it on the wire, caught by a stub controller on 127.0.0.1 that answers
 * with the example enroll and heartbeat responses, against heartbeat-request.json and its schema.
 */
class HeartbeatContractTest {

    @TempDir
    Path state;
    private HttpServer server;
    private final BlockingQueue<byte[]> heartbeats = new LinkedBlockingQueue<>();
    private DeviceKeys keys;
    private ControllerClient client;
    private Enrollment enrollment;
    private AgentClock clock;
    private volatile boolean answerVerbatim;

    @BeforeEach
    void start() throws Exception {
        keys = Contract.deviceKeys(state);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/agent/v1/", this::handle);
        server.start();
        clock = new AgentClock(state);
        enrollment = new Enrollment(state, keys, "SPEAKER", "loa-thon-1", "7KQ2-9XPM-4TDA",
                ControllerTrust.of(null, Contract.controllerFingerprint()));
        client = new ControllerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new RequestSigner(keys), clock, enrollment::pinnedKey, ControllerClient.Link.NONE);
        assertThat(enrollment.attempt(client)).as("the agent accepts examples/enroll-response.json").isTrue();
        assertThat(enrollment.pinnedKey()).isEqualTo(Contract.controllerPublicKey());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void idleHeartbeatHasTheExampleFieldsAndMatchesTheSchema() throws Exception {
        // fresh agent: no timeline, nothing playing: the nullable fields must still be sent, as null
        Map<String, Object> body = beatOnce(new TimelineStore(state), new AgentStatus(state, keys.deviceId()));

        assertThat(body.keySet()).containsExactlyInAnyOrderElementsOf(Contract.json("heartbeat-request.json").keySet());
        assertThat(Contract.violations("heartbeat-request.schema.json", body)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void playingHeartbeatHasTheExampleFieldsIncludingNowPlaying() throws Exception {
        TimelineStore store = new TimelineStore(state);
        store.init(new TimelineVerifier(enrollment.pinnedKey(), keys.deviceId()));
        store.accept(Contract.bytes("timeline.json"), Contract.text("timeline.json.sig"));
        AgentStatus status = new AgentStatus(state, keys.deviceId());
        Map<String, Object> example = Contract.json("heartbeat-request.json");
        Map<String, Object> playing = (Map<String, Object>) example.get("nowPlaying");
        status.nowPlaying(new AgentStatus.NowPlaying((String) playing.get("entryId"), (String) playing.get("sha256"),
                "LOOP", (String) playing.get("class"), ((Number) playing.get("since")).longValue()), ((Number) example.get("volume")).intValue());

        Map<String, Object> body = beatOnce(store, status);

        assertThat(body.keySet()).containsExactlyInAnyOrderElementsOf(example.keySet());
        assertThat(((Map<String, Object>) body.get("nowPlaying")).keySet())
                .containsExactlyInAnyOrderElementsOf(playing.keySet());
        assertThat(body.get("timelineVersion")).isEqualTo(example.get("timelineVersion"));
        assertThat(body.get("nowPlaying")).isEqualTo(playing);
        assertThat(body.get("volume")).isEqualTo(example.get("volume"));
        assertThat(Contract.violations("heartbeat-request.schema.json", body)).isEmpty();
    }

    @Test
    void theExampleAnswerSignedForAnotherNonceIsRefusedAndMovesNothing() throws Exception {
        answerVerbatim = true;
        Faults faults = new Faults(clock::now);
        long offset = clock.offsetMs();
        Heartbeat heartbeat = heartbeat(new TimelineStore(state), new AgentStatus(state, keys.deviceId()), faults);
        assertThat(heartbeat.beat()).isFalse();
        assertThat(clock.offsetMs()).isEqualTo(offset);
        assertThat(faults.snapshot()).extracting(Faults.Fault::code).containsExactly("unsigned_answer");
    }

    @Test
    void anAnswerSignedForOurNonceIsTaken() throws Exception {
        Faults faults = new Faults(clock::now);
        faults.event("clock_jump", "told once");
        Heartbeat heartbeat = heartbeat(new TimelineStore(state), new AgentStatus(state, keys.deviceId()), faults);
        assertThat(heartbeat.beat()).isTrue();
        assertThat(faults.snapshot()).isEmpty();
    }

    private Heartbeat heartbeat(TimelineStore store, AgentStatus status, Faults faults) throws Exception {
        MediaCache cache = new MediaCache(state.resolve("media"));
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        SyncService sync = new SyncService(client, enrollment, store, cache, clock, Duration.ofMinutes(1),
                keys.deviceId(), status);
        return new Heartbeat(client, new RequestSigner(keys), enrollment, new HeartbeatFacts.Sources(clock, status, store, cache, spool, faults,
                SinceLastHeartbeat.open(state), () -> "IDLE", () -> 100, state), sync, Duration.ofMinutes(1),
                keys.deviceId());
    }

    private Map<String, Object> beatOnce(TimelineStore store, AgentStatus status) throws Exception {
        Heartbeat heartbeat = heartbeat(store, status, new Faults(clock::now));
        Thread thread = new Thread(heartbeat, "heartbeat-under-test");
        thread.start();
        try {
            byte[] body = heartbeats.poll(20, TimeUnit.SECONDS);
            assertThat(body).as("a heartbeat reached the stub controller").isNotNull();
            return Contract.parse(body);
        } finally {
            heartbeat.stop();
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        String toSign = RequestSigner.stringToSign(ex.getRequestMethod(), path,
                ex.getRequestHeaders().getFirst("X-Bantin-Device"),
                Long.parseLong(ex.getRequestHeaders().getFirst("X-Bantin-Timestamp")),
                ex.getRequestHeaders().getFirst("X-Bantin-Nonce"), body);
        boolean signed = Ed25519.verify(Contract.devicePublicKey(), toSign.getBytes(StandardCharsets.UTF_8),
                ex.getRequestHeaders().getFirst("X-Bantin-Signature"));
        byte[] answer = switch (path) {
            case "/agent/v1/enroll" -> Contract.signedForNonce(ex, "enroll-response.json");
            case "/agent/v1/heartbeat" -> {
                heartbeats.add(body);
                byte[] example = Contract.bytes("heartbeat-response.json");
                byte[] signedAnswer = answerVerbatim ? example : new String(example, StandardCharsets.UTF_8)
                        .replace((String) Contract.parse(example).get("nonce"), ex.getRequestHeaders().getFirst("X-Bantin-Nonce"))
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("X-Bantin-Signature", answerVerbatim ? Contract.text("heartbeat-response.json.sig")
                        : Contract.signAsController(signedAnswer));
                yield signedAnswer;
            }
            default -> null;
        };
        int status = !signed ? 401 : answer == null ? 404 : 200;
        if (status != 200) {
            answer = ("{\"error\":\"test\",\"code\":\"" + (signed ? "not_found" : "bad_signature") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, answer.length);
        ex.getResponseBody().write(answer);
        ex.close();
    }
}
