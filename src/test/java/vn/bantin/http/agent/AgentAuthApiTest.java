package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.ServerTimeStatement;
import vn.bantin.support.SignedAgent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Agent API: request signatures on a real controller")
class AgentAuthApiTest {

    private static final String TIMELINE = "/agent/v1/timeline";
    private static final String HEARTBEAT = "/agent/v1/heartbeat";
    private static final byte[] NO_BODY = new byte[0];

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
    @DisplayName("a correctly signed call is accepted")
    void signedCall() {
        assertThat(device.agent().get(TIMELINE).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("an unsigned call is refused 401 missing_headers, with the server time")
    void unsigned() {
        SignedAgent.Reply reply = device.agent().send("GET", TIMELINE, NO_BODY, Map.of());

        assertRefused(reply, "missing_headers");
    }

    @Test
    @DisplayName("a body or path other than the signed one is refused 401 bad_signature")
    void tampered() {
        SignedAgent agent = device.agent();
        byte[] signedBody = heartbeat(80);
        Map<String, String> headers = agent.sign("POST", HEARTBEAT, signedBody, System.currentTimeMillis());
        assertRefused(agent.send("POST", HEARTBEAT, heartbeat(0), headers), "bad_signature");

        Map<String, String> forTimeline = agent.sign("GET", TIMELINE, NO_BODY, System.currentTimeMillis());
        assertRefused(agent.send("GET", "/agent/v1/media/" + "0".repeat(64), NO_BODY, forTimeline), "bad_signature");
        assertRefused(agent.send("GET", TIMELINE + "?x=1", NO_BODY, forTimeline), "bad_signature");
    }

    @Test
    @DisplayName("a timestamp 10 minutes off is refused 401 clock_skew, with the server time to correct by")
    void clockSkew() {
        SignedAgent agent = device.agent();
        long now = System.currentTimeMillis();

        for (long off : new long[] {-600_000, 600_000}) {
            Map<String, String> headers = agent.sign("GET", TIMELINE, NO_BODY, now + off);
            SignedAgent.Reply reply = agent.send("GET", TIMELINE, NO_BODY, headers);
            assertRefused(reply, "clock_skew");
            long serverTime = Long.parseLong(reply.header(ServerTimeStatement.TIME_HEADER));
            assertThat(serverTime).isCloseTo(now, within(5_000L));
            // signed by the controller key, for this request's nonce only
            byte[] signature = Ed25519Keys.fromBase64(reply.header(ServerTimeStatement.SIGNATURE_HEADER));
            assertThat(Ed25519Keys.verify(device.controllerKey(),
                    ServerTimeStatement.bytesToSign(headers.get("X-Bantin-Nonce"), serverTime), signature)).isTrue();
            assertThat(Ed25519Keys.verify(device.controllerKey(),
                    ServerTimeStatement.bytesToSign("0".repeat(32), serverTime), signature)).isFalse();
        }
    }

    @Test
    @DisplayName("the exact same signed request sent twice is refused the second time as a replay")
    void replay() {
        SignedAgent agent = device.agent();
        byte[] body = heartbeat(80);
        Map<String, String> headers = agent.sign("POST", HEARTBEAT, body, System.currentTimeMillis());

        assertThat(agent.send("POST", HEARTBEAT, body, headers).status()).isEqualTo(200);
        assertRefused(agent.send("POST", HEARTBEAT, body, headers), "replay");
    }

    @Test
    @DisplayName("a key that never enrolled is refused 401 unknown_device")
    void unknownDevice() {
        assertRefused(commune.newAgent().get(TIMELINE), "unknown_device");
    }

    @Test
    @DisplayName("revocation takes effect on the very next call")
    void revoked() {
        assertThat(device.agent().get(TIMELINE).status()).isEqualTo(200);

        assertThat(commune.api.post("/api/v1/endpoints/" + device.endpointId() + "/revoke", "{}").status())
                .isEqualTo(200);

        assertRefused(device.agent().get(TIMELINE), "revoked");
        assertRefused(device.agent().post(HEARTBEAT, heartbeat(80)), "revoked");
    }

    private static void assertRefused(SignedAgent.Reply reply, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().getString("error")).isNotBlank();
        assertThat(reply.header(ServerTimeStatement.TIME_HEADER)).isNotNull();
        assertThat(reply.header(ServerTimeStatement.SIGNATURE_HEADER)).isNotNull();
    }

    private static byte[] heartbeat(int volume) {
        return new JsonObject().put("agentTime", System.currentTimeMillis()).put("uptimeMs", 1000)
                .put("volume", volume).encode().getBytes(StandardCharsets.UTF_8);
    }
}
