package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.support.HttpApi;
import vn.bantin.support.PushStreams;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Device trust: fingerprint with the code, signed enroll answers, a bounded queue, reject and re-key")
class EnrollmentTrustTest {

    private static final String ENROLL = "/agent/v1/enroll";

    @TempDir
    Path dir;
    private TestController controller;

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    private HttpApi start(Map<String, String> keys) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(keys);
        all.put(ConfigLoader.DATA_DIR, dir.resolve("data").toString());
        controller = TestController.start(all);
        return controller.api();
    }

    private long speaker(HttpApi api) {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")).json().getLong("id");
        return api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa thôn 1").put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
    }

    private SignedAgent agent() {
        return new SignedAgent(controller.baseUrl());
    }

    @Test
    @DisplayName("the code carries the controller key fingerprint; the answer is signed by that key for this nonce")
    void fingerprintAndSignedAnswer() throws Exception {
        HttpApi api = start(Map.of());
        long endpoint = speaker(api);
        JsonObject code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json();
        SignedAgent agent = agent();
        byte[] body = agent.enrollBody("SPEAKER", code.getString("code")).encode().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = agent.sign("POST", ENROLL, body, System.currentTimeMillis());

        SignedAgent.Reply reply = agent.send("POST", ENROLL, body, headers);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        byte[] controllerKey = Ed25519Keys.publicKeyFromBase64(reply.json().getString("controllerPublicKey"));
        assertThat(code.getString("controllerKeyFingerprint")).isEqualTo(Ed25519Keys.fingerprint(controllerKey));
        assertThat(Ed25519Keys.verifyBase64(controllerKey, reply.body(), reply.header("X-Bantin-Signature"))).isTrue();
        assertThat(reply.json().getString("nonce")).isEqualTo(headers.get("X-Bantin-Nonce"));
        assertThat(reply.json().fieldNames()).containsExactly("deviceId", "endpointId", "status",
                "controllerPublicKey", "serverTime", "nonce");
    }

    @Test
    @DisplayName("a flood of new keys fills the queue to its cap, then 503 with Retry-After and no new rows")
    void floodStopsAtTheCap() throws Exception {
        HttpApi api = start(Map.of(ConfigLoader.ENROLLMENT_PENDING_MAX, "3"));
        for (int i = 0; i < 3; i++) {
            assertThat(agent().enroll("SPEAKER", null).json().getString("status")).isEqualTo("PENDING");
        }
        SignedAgent waiting = agent();
        for (int i = 0; i < 4; i++) {
            SignedAgent.Reply refused = (i == 0 ? waiting : agent()).enroll("SPEAKER", null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("enrollment_queue_full");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        }
        assertThat(api.get("/api/v1/endpoints").array()).hasSize(3);
        // rejecting one makes room again
        long first = api.get("/api/v1/endpoints").array().getJsonObject(0).getLong("id");
        assertThat(api.post("/api/v1/endpoints/" + first + "/reject", "{}").status()).isEqualTo(200);
        assertThat(waiting.enroll("SPEAKER", null).json().getString("status")).isEqualTo("PENDING");
    }

    @Test
    @DisplayName("one address: enroll calls per minute and new requests per hour are limited (429, nothing stored)")
    void perAddressLimits() throws Exception {
        HttpApi api = start(Map.of(ConfigLoader.ENROLLMENT_PER_MINUTE, "4", ConfigLoader.ENROLLMENT_NEW_PER_HOUR, "2"));
        SignedAgent patient = agent();
        assertThat(patient.enroll("SPEAKER", null).json().getString("status")).isEqualTo("PENDING");
        assertThat(patient.enroll("SPEAKER", null).json().getString("status")).as("asking again is not new")
                .isEqualTo("PENDING");
        assertThat(agent().enroll("SPEAKER", null).status()).isEqualTo(200);
        SignedAgent.Reply third = agent().enroll("SPEAKER", null);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.code()).isEqualTo("rate_limited");
        assertThat(api.get("/api/v1/endpoints").array()).hasSize(2);

        SignedAgent.Reply fifth = patient.enroll("SPEAKER", null);
        assertThat(fifth.status()).as("the fifth call within the minute").isEqualTo(429);
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(api.get("/api/v1/endpoints").array()).hasSize(2);
    }

    @Test
    @DisplayName("reject keeps a waiting key out for good and only applies to waiting requests; both audited")
    void reject() throws Exception {
        HttpApi api = start(Map.of());
        SignedAgent stranger = agent();
        long pending = stranger.enroll("SPEAKER", null).json().getLong("endpointId");

        JsonObject rejected = api.post("/api/v1/endpoints/" + pending + "/reject", "{}").json();

        assertThat(rejected.getString("status")).isEqualTo("REVOKED");
        SignedAgent.Reply again = stranger.enroll("SPEAKER", null);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.code()).isEqualTo("revoked");
        HttpApi.Answer twice = api.post("/api/v1/endpoints/" + pending + "/reject", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().getString("code")).isEqualTo("not_pending");
        assertThat(actions(api, pending)).contains("POST /api/v1/endpoints/{id}/reject");
    }

    @Test
    @DisplayName("re-key forgets the old key at once (stream closed, next call 401) and the new code enrolls anew")
    void rekey() throws Exception {
        HttpApi api = start(Map.of());
        long endpoint = speaker(api);
        SignedAgent old = agent();
        assertThat(old.enroll("SPEAKER", code(api, endpoint)).status()).isEqualTo(200);
        CompletableFuture<Integer> closed = PushStreams.open(controller.baseUrl(), old);

        HttpApi.Answer rekeyed = api.post("/api/v1/endpoints/" + endpoint + "/rekey", "{}");

        assertThat(rekeyed.status()).as(rekeyed.body()).isEqualTo(201);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        SignedAgent.Reply refused = old.get("/agent/v1/timeline");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("unknown_device");
        assertThat(api.get("/api/v1/endpoints/" + endpoint).json().getString("status")).isEqualTo("UNENROLLED");
        SignedAgent replacement = agent();
        JsonObject bound = replacement.enroll("SPEAKER", rekeyed.json().getString("code")).json();
        assertThat(bound.getLong("endpointId")).isEqualTo(endpoint);
        assertThat(bound.getString("status")).isEqualTo("ACTIVE");
        assertThat(replacement.get("/agent/v1/timeline").status()).isEqualTo(200);
        HttpApi.Answer pendingRekey = api.post("/api/v1/endpoints/" + agent().enroll("SPEAKER", null).json()
                .getLong("endpointId") + "/rekey", "{}");
        assertThat(pendingRekey.status()).isEqualTo(409);
        assertThat(actions(api, endpoint)).contains("POST /api/v1/endpoints/{id}/rekey", "enroll with code");
    }

    @Test
    @DisplayName("a replacement code for an active endpoint: the old device works until the new one enrolls")
    void replacementCode() throws Exception {
        HttpApi api = start(Map.of());
        long endpoint = speaker(api);
        SignedAgent old = agent();
        assertThat(old.enroll("SPEAKER", code(api, endpoint)).status()).isEqualTo(200);
        String replacementCode = code(api, endpoint);
        assertThat(old.get("/agent/v1/timeline").status()).isEqualTo(200);
        CompletableFuture<Integer> closed = PushStreams.open(controller.baseUrl(), old);

        SignedAgent replacement = agent();
        assertThat(replacement.enroll("SPEAKER", replacementCode).json().getLong("endpointId")).isEqualTo(endpoint);

        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(old.get("/agent/v1/timeline").status()).isEqualTo(401);
        assertThat(replacement.get("/agent/v1/timeline").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/endpoints/" + endpoint).json().getString("deviceId"))
                .isEqualTo(replacement.deviceId());
        assertThat(actions(api, endpoint)).contains("re-key with code, replacing device " + old.deviceId());
    }

    private static String code(HttpApi api, long endpoint) {
        return api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
    }

    private static java.util.List<String> actions(HttpApi api, long endpoint) {
        JsonArray records = api.get("/api/v1/audit?object=endpoints/" + endpoint).json().getJsonArray("records");
        return records.stream().map(r -> ((JsonObject) r).getString("action")).toList();
    }
}
