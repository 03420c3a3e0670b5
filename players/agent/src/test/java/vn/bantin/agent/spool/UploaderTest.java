package vn.bantin.agent.spool;

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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.RequestSigner;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.sync.ControllerClient;

/**
 * The agent's uploader against a small controller on 127.0.0.1 whose answers each test chooses: signed for
 * this request, forged, unsigned, for another device, replayed from an earlier request. Only a verified
 * acknowledgement of this very request deletes anything, and only what it covers.
 */
@DisplayName("Uploader: deletes only what a verified acknowledgement of this request covers")
class UploaderTest {

    /** What the test controller answers to a plays request body. */
    private record Answer(int status, byte[] body, String signature) {
    }

    @TempDir
    Path state;
    private HttpServer server;
    private volatile Function<byte[], Answer> answer;
    private final List<byte[]> requests = new CopyOnWriteArrayList<>();
    private KeyPair controllerKey;
    private DeviceKeys keys;
    private RecordSpool spool;
    private GapNotices notices;
    private Uploader uploader;
    private ControllerClient client;

    @BeforeEach
    void start() throws Exception {
        controllerKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        keys = DeviceKeys.loadOrCreate(state);
        spool = RecordSpool.open(state.resolve("spool"), keys);
        AgentClock clock = new AgentClock(state);
        notices = new GapNotices(state.resolve("spool/notices"), keys, clock::now);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/agent/v1/plays", this::handle);
        server.start();
        client = new ControllerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new RequestSigner(keys), clock, () -> null, ControllerClient.Link.NONE);
        byte[] pinned = Ed25519.rawPublicKey(controllerKey.getPublic());
        uploader = new Uploader(spool, notices, client, () -> true, () -> pinned);
        for (int i = 1; i <= 5; i++) {
            spool.append(new PlayRecord("e" + i, 3L, "NORMAL", "ONCE", "a".repeat(64), i * 1000L, i * 1000L + 5,
                    i * 1000L + 900, PlayRecord.Outcome.PLAYED, null, 0, "v1"));
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
        client.close();
    }

    @Test
    @DisplayName("a signed acknowledgement with a gap deletes the held records on both sides of it and keeps the gap")
    void verifiedAckWithGap() throws Exception {
        answer = body -> signed(Acks.of(keys.deviceId(), body, List.of(Acks.range(1, 2), Acks.range(4, 5)), List.of()));

        assertThat(uploader.uploadBatch()).isTrue();

        assertThat(spooledSeqs()).containsExactly(3L);
    }

    @Test
    @DisplayName("an acknowledgement signed by another key deletes nothing")
    void forged() throws Exception {
        KeyPair attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        answer = body -> {
            byte[] ack = Acks.of(keys.deviceId(), body, List.of(Acks.range(1, 5)), List.of());
            return new Answer(200, ack, sign(attacker, ack));
        };

        assertThat(uploader.uploadBatch()).isFalse();

        assertThat(spooledSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("an unsigned acknowledgement, or one whose bytes were changed after signing, deletes nothing")
    void unsignedOrAltered() throws Exception {
        answer = body -> new Answer(200, Acks.of(keys.deviceId(), body, List.of(Acks.range(1, 5)), List.of()), null);
        assertThat(uploader.uploadBatch()).isFalse();

        answer = body -> {
            byte[] honest = Acks.of(keys.deviceId(), body, List.of(Acks.range(1, 1)), List.of());
            String signature = sign(controllerKey, honest);
            byte[] widened = new String(honest, StandardCharsets.UTF_8).replace("[[1,1]]", "[[1,5]]")
                    .getBytes(StandardCharsets.UTF_8);
            return new Answer(200, widened, signature);
        };
        assertThat(uploader.uploadBatch()).isFalse();

        assertThat(spooledSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("a properly signed acknowledgement for another device deletes nothing")
    void otherDevice() throws Exception {
        answer = body -> signed(Acks.of("0".repeat(32), body, List.of(Acks.range(1, 5)), List.of()));

        assertThat(uploader.uploadBatch()).isFalse();

        assertThat(spooledSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("an old acknowledgement replayed for a later request deletes nothing, though signed and wide")
    void replayed() throws Exception {
        List<byte[]> acks = new ArrayList<>();
        answer = body -> {
            byte[] ack = Acks.of(keys.deviceId(), body, List.of(Acks.range(1, 100)), List.of());
            acks.add(ack);
            return new Answer(503, new byte[0], null);
        };
        uploader.uploadBatch();
        byte[] old = acks.get(0);
        answer = body -> signed(old);

        assertThat(uploader.uploadBatch()).isFalse();

        assertThat(spooledSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(requests).hasSize(2);
        assertThat(JSON.std.mapFrom(requests.get(0)).get("batch")).isNotEqualTo(JSON.std.mapFrom(requests.get(1)).get("batch"));
    }

    @Test
    @DisplayName("an acknowledgement echoing the batch but hashing another body deletes nothing")
    void mismatchedRequest() throws Exception {
        answer = body -> {
            byte[] other = new String(body, StandardCharsets.UTF_8).replace("\"records\"", "\"records\" ")
                    .getBytes(StandardCharsets.UTF_8);
            return signed(Acks.of(keys.deviceId(), other, List.of(Acks.range(1, 5)), List.of()));
        };

        assertThat(uploader.uploadBatch()).isFalse();

        assertThat(spooledSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("a refusal or an error status deletes nothing")
    void errors() throws Exception {
        answer = body -> new Answer(400, "{\"code\":\"bad_batch\"}".getBytes(StandardCharsets.UTF_8), null);
        assertThat(uploader.uploadBatch()).isFalse();
        answer = body -> new Answer(500, new byte[0], null);
        assertThat(uploader.uploadBatch()).isFalse();

        assertThat(spooledSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("a record refused as invalid is set aside with a signed REFUSED gap notice; the rest go on, the notice"
            + " is sent and deleted once acknowledged, the record stays aside")
    void refusedRecordIsExplained() throws Exception {
        answer = body -> signed(Acks.of(keys.deviceId(), body, List.of(Acks.range(1, 1), Acks.range(3, 5)), List.of(1)));

        assertThat(uploader.uploadBatch()).isTrue();

        assertThat(spooledSeqs()).isEmpty();
        assertThat(spool.refusedSeqs()).containsExactly(2L);
        List<GapNotices.Notice> pending = notices.pending(10);
        assertThat(pending).hasSize(1);
        Map<String, Object> notice = JSON.std.mapFrom(pending.get(0).payload());
        assertThat(notice).containsEntry("type", "gap-notice").containsEntry("deviceId", keys.deviceId())
                .containsEntry("firstSeq", 2).containsEntry("lastSeq", 2).containsEntry("cause", "REFUSED");
        assertThat((String) notice.get("detail")).startsWith("bad_signature: ");
        assertThat(Ed25519.verify(keys.rawPublicKey(), pending.get(0).payload().getBytes(StandardCharsets.UTF_8),
                pending.get(0).sig())).isTrue();

        answer = body -> signed(Acks.of(keys.deviceId(), body, List.of(Acks.range(1, 1), Acks.range(3, 5)), List.of()));
        assertThat(uploader.uploadBatch()).isTrue();

        Map<String, Object> sent = JSON.std.mapFrom(requests.get(1));
        assertThat((List<?>) sent.get("records")).isEmpty();
        assertThat((List<?>) sent.get("gapNotices")).hasSize(1);
        assertThat(notices.pending(10)).isEmpty();
        assertThat(Files.exists(state.resolve("spool/refused/2.json"))).isTrue();
    }

    private List<Long> spooledSeqs() throws IOException {
        return spool.oldest(100).stream().map(SpooledRecord::seq).toList();
    }

    private Answer signed(byte[] ack) {
        return new Answer(200, ack, sign(controllerKey, ack));
    }

    private static String sign(KeyPair key, byte[] body) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(body);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        requests.add(body);
        Answer a = answer.apply(body);
        if (a.signature() != null) {
            ex.getResponseHeaders().add("X-Bantin-Signature", a.signature());
        }
        ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
        if (a.body().length > 0) {
            ex.getResponseBody().write(a.body());
        }
        ex.close();
    }
}
