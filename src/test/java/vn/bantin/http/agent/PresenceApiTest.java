package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.support.Eventually;

import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Presence: offline after the configured silence, connection history, heartbeats over the stream")
class PresenceApiTest {

    private static final String HEARTBEAT = "/agent/v1/heartbeat";

    @TempDir
    Path dir;
    Commune commune;
    Commune.Enrolled device;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir, Map.of(ConfigLoader.OFFLINE_AFTER_SECONDS, "2", ConfigLoader.PUSH_PING_SECONDS, "1"));
        device = commune.enrolledSpeaker();
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    @Test
    @DisplayName("silence longer than the limit closes the stretch at the last contact; the next call opens a new one")
    void offlineAfterSilenceAndBackAgain() throws Exception {
        long before = System.currentTimeMillis();
        assertThat(device.agent().get("/agent/v1/timeline").status()).isEqualTo(200);
        JsonObject online = connections();
        assertThat(online.getBoolean("online")).isTrue();
        assertThat(online.getJsonArray("connections")).hasSize(1);
        long lastContact = System.currentTimeMillis();

        Eventually.within(Duration.ofSeconds(10), () -> assertThat(connections().getBoolean("online")).isFalse());
        JsonObject first = connections().getJsonArray("connections").getJsonObject(0);
        assertThat(first.getLong("connectedAt")).isBetween(before - 1_000, lastContact);
        assertThat(first.getLong("disconnectedAt")).isEqualTo(first.getLong("lastSeenAt")).isLessThanOrEqualTo(lastContact);

        assertThat(device.agent().get("/agent/v1/timeline").status()).isEqualTo(200);
        JsonArray history = connections().getJsonArray("connections");
        assertThat(history).hasSize(2);
        assertThat(history.getJsonObject(0).getLong("disconnectedAt")).isNull();
        assertThat(history.getJsonObject(0).getLong("connectedAt")).isGreaterThan(first.getLong("disconnectedAt"));
    }

    @Test
    @DisplayName("an open stream answering pings keeps the endpoint online; a heartbeat on it is answered signed")
    void streamKeepsItOnlineAndCarriesHeartbeats() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = device.agent().stream(received::add);
        Thread.sleep(4_500);
        assertThat(connections().getBoolean("online")).as("pongs count as contact").isTrue();
        assertThat(connections().getJsonArray("connections")).hasSize(1);

        byte[] body = new JsonObject().put("agentTime", System.currentTimeMillis()).put("volume", 70)
                .encode().getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = device.agent().sign("POST", HEARTBEAT, body, System.currentTimeMillis());
        ws.sendText(new JsonObject().put("type", "heartbeat").put("nonce", signed.get("X-Bantin-Nonce"))
                .put("timestamp", Long.parseLong(signed.get("X-Bantin-Timestamp")))
                .put("signature", signed.get("X-Bantin-Signature"))
                .put("body", new String(body, StandardCharsets.UTF_8)).encode(), true).get(5, TimeUnit.SECONDS);
        JsonObject answer = next(received, "heartbeat-answer");
        assertThat(answer.getInteger("status")).isEqualTo(200);
        byte[] answerBody = answer.getString("body").getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519Keys.verify(device.controllerKey(), answerBody,
                Ed25519Keys.fromBase64(answer.getString("signature")))).isTrue();
        assertThat(new JsonObject(answer.getString("body")).getString("nonce")).isEqualTo(signed.get("X-Bantin-Nonce"));
        assertThat(commune.endpointView(device.endpointId()).getJsonObject("heartbeat").getInteger("volume")).isEqualTo(70);

        ws.sendText(new JsonObject().put("type", "heartbeat").put("nonce", signed.get("X-Bantin-Nonce"))
                .put("timestamp", Long.parseLong(signed.get("X-Bantin-Timestamp")))
                .put("signature", signed.get("X-Bantin-Signature"))
                .put("body", new String(body, StandardCharsets.UTF_8)).encode(), true).get(5, TimeUnit.SECONDS);
        JsonObject replayed = next(received, "heartbeat-answer");
        assertThat(replayed.getInteger("status")).isEqualTo(401);
        assertThat(replayed.getString("code")).isEqualTo("replay");
        ws.abort();
    }

    private JsonObject connections() {
        return commune.api.get("/api/v1/endpoints/" + device.endpointId() + "/connections").json();
    }

    private static JsonObject next(BlockingQueue<String> received, String type) throws InterruptedException {
        while (true) {
            String text = received.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a " + type + " within 10 s").isNotNull();
            JsonObject m = new JsonObject(text);
            if (type.equals(m.getString("type"))) {
                return m;
            }
        }
    }
}
