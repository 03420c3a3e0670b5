package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.support.SignedAgent;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Agent API: POST /agent/v1/heartbeat on a real controller")
class HeartbeatApiTest {

    private static final String HEARTBEAT = "/agent/v1/heartbeat";

    @TempDir
    Path dir;
    Commune commune;
    Commune.Enrolled device;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir);
        device = commune.enrolledSpeaker();
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    @Test
    @DisplayName("answers the server time and the timeline version, signed by the controller key for this heartbeat's nonce")
    void answer() throws Exception {
        long before = System.currentTimeMillis();
        byte[] body = heartbeat(null).encode().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = device.agent().sign("POST", HEARTBEAT, body, before);
        SignedAgent.Reply reply = device.agent().send("POST", HEARTBEAT, body, headers);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(Ed25519Keys.verify(device.controllerKey(), reply.body(),
                Ed25519Keys.fromBase64(reply.header("X-Bantin-Signature")))).isTrue();
        assertThat(reply.json().getString("deviceId")).isEqualTo(device.agent().deviceId());
        assertThat(reply.json().getString("nonce")).isEqualTo(headers.get("X-Bantin-Nonce"));
        assertThat(reply.json().getLong("serverTime")).isCloseTo(before, within(5_000L));
        String version = device.agent().get("/agent/v1/timeline").json().getString("version");
        assertThat(reply.json().getString("timelineVersion")).isEqualTo(version);

        commune.bulletinAt(commune.toneAsset(1).getLong("id"), Instant.now().plus(Duration.ofHours(1)));
        String changed = device.agent().post(HEARTBEAT, heartbeat(version)).json().getString("timelineVersion");
        assertThat(changed).isNotEqualTo(version)
                .isEqualTo(device.agent().get("/agent/v1/timeline").json().getString("version"));
    }

    @Test
    @DisplayName("the contract's example heartbeat is taken as it is")
    void contractExample() throws Exception {
        byte[] example = Files.readAllBytes(Path.of("src/main/resources/contract/examples/heartbeat-request.json"));
        assertThat(device.agent().post(HEARTBEAT, example).status()).isEqualTo(200);
        JsonObject facts = commune.endpointView(device.endpointId()).getJsonObject("heartbeat");
        assertThat(facts.getString("mpv")).isEqualTo("PLAYING");
        assertThat(facts.getJsonObject("sinceLastHeartbeat").getInteger("count")).isEqualTo(2);
        assertThat(facts.getJsonArray("faults").getJsonObject(0).getString("code")).isEqualTo("clock_jump");
    }

    @Test
    @DisplayName("the management API shows when the device was last seen and what it reported")
    void facts() {
        assertThat(device.agent().post(HEARTBEAT, heartbeat("ab".repeat(32))).status()).isEqualTo(200);

        JsonObject view = commune.endpointView(device.endpointId());
        assertThat(view.getLong("lastSeenAt")).isCloseTo(System.currentTimeMillis(), within(5_000L));
        JsonObject facts = view.getJsonObject("heartbeat");
        assertThat(facts.getInteger("volume")).isEqualTo(70);
        assertThat(facts.getDouble("temperatureC")).isEqualTo(48.5);
        assertThat(facts.getString("version")).isEqualTo("0.1.0");
        assertThat(facts.getString("timelineVersion")).isEqualTo("ab".repeat(32));
        assertThat(facts.getJsonObject("nowPlaying").getString("sha256")).isEqualTo("c4".repeat(32));
        assertThat(facts.getInteger("spooledRecords")).isEqualTo(4);
    }

    @Test
    @DisplayName("a heartbeat that is not JSON is refused 400")
    void notJson() {
        SignedAgent.Reply reply = device.agent().post(HEARTBEAT, "uptime=5".getBytes());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("bad_json");
    }

    /** The contract's heartbeat, with all fields and the given timeline version (may be null). */
    private static JsonObject heartbeat(String timelineVersion) {
        long now = System.currentTimeMillis();
        return new JsonObject().put("agentTime", now).put("uptimeMs", 86_400_000L)
                .put("diskFreeBytes", 12_884_901_888L).put("cacheBytes", 12_000_000L)
                .put("timelineVersion", timelineVersion)
                .put("nowPlaying", new JsonObject().put("entryId", "slot-9/20251125/12").put("sha256", "c4".repeat(32))
                        .put("since", now - 1000))
                .put("volume", 70).put("temperatureC", 48.5).put("version", "0.1.0").put("clockOffsetMs", -12)
                .put("spooledRecords", 4);
    }
}
