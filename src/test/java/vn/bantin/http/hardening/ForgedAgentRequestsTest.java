package vn.bantin.http.hardening;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Enrollment;
import vn.bantin.support.HttpApi;
import vn.bantin.support.PlayChain;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TableCounts;
import vn.bantin.support.TestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Forged, cross-device, replayed and revoked agent requests are refused and store nothing")
class ForgedAgentRequestsTest {

    @TempDir
    static Path dir;
    private static TestController controller;
    private static HttpApi api;
    private static SignedAgent alice;
    private static SignedAgent bob;

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString()));
        api = controller.api();
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")).json().getLong("id");
        alice = enrolled(area);
        bob = enrolled(area);
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    private static SignedAgent enrolled(long area) {
        SignedAgent device = new SignedAgent(controller.baseUrl());
        Enrollment.speaker(api, area, "Loa", device);
        return device;
    }

    @Test
    @DisplayName("a request signed by one device but naming another is 401 bad_signature")
    void crossDevice() throws Exception {
        String before = TableCounts.of(controller);
        byte[] body = heartbeat();
        Map<String, String> headers = new LinkedHashMap<>(alice.sign("POST", "/agent/v1/heartbeat", body,
                System.currentTimeMillis()));
        headers.put("X-Bantin-Device", bob.deviceId());

        SignedAgent.Reply reply = alice.send("POST", "/agent/v1/heartbeat", body, headers);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("bad_signature");
        assertThat(TableCounts.of(controller)).isEqualTo(before);
    }

    @Test
    @DisplayName("an attacker's own key claiming a device id is refused; so is a signature moved onto another body")
    void forged() throws Exception {
        SignedAgent mallory = new SignedAgent(controller.baseUrl());
        byte[] body = heartbeat();
        Map<String, String> headers = new LinkedHashMap<>(mallory.sign("POST", "/agent/v1/heartbeat", body,
                System.currentTimeMillis()));
        headers.put("X-Bantin-Device", alice.deviceId());
        assertThat(mallory.send("POST", "/agent/v1/heartbeat", body, headers).code()).isEqualTo("bad_signature");

        Map<String, String> signed = alice.sign("POST", "/agent/v1/heartbeat", body, System.currentTimeMillis());
        byte[] other = new JsonObject(new String(body, StandardCharsets.UTF_8)).put("diskFreeBytes", 1).encode()
                .getBytes(StandardCharsets.UTF_8);
        assertThat(alice.send("POST", "/agent/v1/heartbeat", other, signed).code()).isEqualTo("bad_signature");
    }

    @Test
    @DisplayName("play records signed by another device's key, posted by this one, are refused one by one")
    void recordsOfAnotherDevice() throws Exception {
        String before = TableCounts.of(controller);
        JsonArray records = new JsonArray().add(new PlayChain(bob).nextSigned(1).getJsonObject(0));

        SignedAgent.Reply reply = alice.postPlays(records);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("refused")).hasSize(1);
        assertThat(reply.json().getInteger("stored")).isZero();
        assertThat(TableCounts.of(controller)).isEqualTo(before);
    }

    @Test
    @DisplayName("a captured plays upload sent again is 401 replay and stores nothing twice")
    void replay() throws Exception {
        JsonObject body = new JsonObject().put("batch", "0123456789abcdef0123456789abcdef")
                .put("records", new PlayChain(alice).nextSigned(1));
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = alice.sign("POST", "/agent/v1/plays", bytes, System.currentTimeMillis());
        assertThat(alice.send("POST", "/agent/v1/plays", bytes, headers).status()).isEqualTo(200);
        String after = TableCounts.of(controller);

        SignedAgent.Reply again = alice.send("POST", "/agent/v1/plays", bytes, headers);

        assertThat(again.status()).isEqualTo(401);
        assertThat(again.code()).isEqualTo("replay");
        assertThat(TableCounts.of(controller)).isEqualTo(after);
    }

    @Test
    @DisplayName("a request signed with a key whose endpoint was revoked stores nothing")
    void revoked() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Thôn 9")).json().getLong("id");
        SignedAgent carol = enrolled(area);
        long endpoint = api.get("/api/v1/endpoints").array().stream().map(o -> (JsonObject) o)
                .filter(o -> carol.deviceId().equals(o.getString("deviceId"))).findFirst().orElseThrow().getLong("id");
        assertThat(api.post("/api/v1/endpoints/" + endpoint + "/revoke", "{}").status()).isEqualTo(200);
        String before = TableCounts.of(controller);

        SignedAgent.Reply reply = carol.postPlays(new PlayChain(carol).nextSigned(1));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("revoked");
        assertThat(TableCounts.of(controller)).isEqualTo(before);
    }

    private static byte[] heartbeat() {
        return new JsonObject().put("agentTime", System.currentTimeMillis()).put("uptimeMs", 1000)
                .put("diskFreeBytes", 1_000_000).put("cacheBytes", 0).put("timelineVersion", (String) null)
                .put("nowPlaying", (String) null).put("volume", 80).put("version", "0.2.0").put("clockOffsetMs", 0)
                .put("spooledRecords", 0).encode().getBytes(StandardCharsets.UTF_8);
    }
}
