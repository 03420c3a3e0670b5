package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.support.SignedAgent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Agent API: POST /agent/v1/enroll on a real controller")
class EnrollApiTest {

    @TempDir
    Path dir;
    Commune commune;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir);
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    @Test
    @DisplayName("a valid one-time code binds the key ACTIVE, returns the controller key, and is spent")
    void codeEnrollment() {
        long endpointId = commune.endpoint("SPEAKER");
        String code = commune.code(endpointId);
        SignedAgent agent = commune.newAgent();

        SignedAgent.Reply reply = agent.enroll("SPEAKER", code);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonObject body = reply.json();
        assertThat(body.getString("status")).isEqualTo("ACTIVE");
        assertThat(body.getLong("endpointId")).isEqualTo(endpointId);
        assertThat(body.getString("deviceId")).isEqualTo(agent.deviceId());
        assertThat(Ed25519Keys.publicKeyFromBase64(body.getString("controllerPublicKey"))).hasSize(32);
        assertThat(body.getLong("serverTime")).isCloseTo(System.currentTimeMillis(), within(5_000L));
        assertThat(commune.endpointView(endpointId).getString("status")).isEqualTo("ACTIVE");

        int endpointsBefore = commune.endpoints().size();
        SignedAgent.Reply second = commune.newAgent().enroll("SPEAKER", code);
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.code()).isEqualTo("bad_enrollment_code");
        assertThat(commune.endpoints()).hasSize(endpointsBefore);
        assertThat(commune.endpointView(endpointId).getString("deviceId")).isEqualTo(agent.deviceId());
    }

    @Test
    @DisplayName("a wrong code is refused with 403 and creates no endpoint")
    void wrongCode() {
        long endpointId = commune.endpoint("SPEAKER");
        commune.code(endpointId);

        SignedAgent.Reply reply = commune.newAgent().enroll("SPEAKER", "7KQ2-9XPM-4TDA");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("bad_enrollment_code");
        assertThat(commune.endpoints()).hasSize(1);
        assertThat(commune.endpointView(endpointId).getString("status")).isEqualTo("UNENROLLED");
    }

    @Test
    @DisplayName("without a code the device waits PENDING (401 not_approved) until an administrator approves it")
    void pendingThenApproved() {
        SignedAgent agent = commune.newAgent();

        SignedAgent.Reply pending = agent.enroll("SPEAKER", null);
        assertThat(pending.status()).as(pending.text()).isEqualTo(200);
        assertThat(pending.json().getString("status")).isEqualTo("PENDING");
        long endpointId = pending.json().getLong("endpointId");
        JsonObject view = commune.endpointView(endpointId);
        assertThat(view.getString("status")).isEqualTo("PENDING");
        assertThat(view.getString("kind")).isEqualTo("SPEAKER");
        assertThat(view.getString("name")).isEqualTo("loa-thon-1");
        assertThat(view.getLong("areaId")).isNull();

        SignedAgent.Reply refused = agent.get("/agent/v1/timeline");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("not_approved");

        assertThat(commune.api.post("/api/v1/endpoints/" + endpointId + "/approve",
                new JsonObject().put("areaId", commune.areaId)).status()).isEqualTo(200);
        assertThat(agent.get("/agent/v1/timeline").status()).isEqualTo(200);
        SignedAgent.Reply again = agent.enroll("SPEAKER", null);
        assertThat(again.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(again.json().getLong("endpointId")).isEqualTo(endpointId);
        assertThat(commune.endpointView(endpointId).getLong("areaId")).isEqualTo(commune.areaId);
    }

    @Test
    @DisplayName("enrolling again with the same key is idempotent, pending or active")
    void idempotent() {
        SignedAgent pendingAgent = commune.newAgent();
        long pendingId = pendingAgent.enroll("SPEAKER", null).json().getLong("endpointId");
        SignedAgent.Reply repeated = pendingAgent.enroll("SPEAKER", null);
        assertThat(repeated.json().getLong("endpointId")).isEqualTo(pendingId);
        assertThat(repeated.json().getString("status")).isEqualTo("PENDING");

        Commune.Enrolled active = commune.enrolledSpeaker();
        int endpoints = commune.endpoints().size();
        SignedAgent.Reply again = active.agent().enroll("SPEAKER", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(again.json().getLong("endpointId")).isEqualTo(active.endpointId());
        assertThat(commune.endpoints()).hasSize(endpoints);
    }

    @Test
    @DisplayName("a code made for a SPEAKER does not enroll a SCREEN")
    void kindMismatch() {
        long endpointId = commune.endpoint("SPEAKER");
        String code = commune.code(endpointId);

        SignedAgent.Reply reply = commune.newAgent().enroll("SCREEN", code);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("bad_enrollment_code");
        assertThat(commune.endpoints()).hasSize(1);
        assertThat(commune.endpointView(endpointId).getString("status")).isEqualTo("UNENROLLED");
    }

    @Test
    @DisplayName("an enroll signed by another key than the one in the body is refused 401, nothing created")
    void proofOfPossession() {
        SignedAgent owner = commune.newAgent();
        SignedAgent thief = commune.newAgent();
        byte[] body = owner.enrollBody("SPEAKER", null).encode().getBytes(StandardCharsets.UTF_8);

        SignedAgent.Reply reply = thief.post("/agent/v1/enroll", body);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("bad_signature");
        assertThat(reply.header("X-Bantin-Server-Time")).isNotNull();
        assertThat(commune.endpoints()).isEmpty();
    }

    @Test
    @DisplayName("a revoked key enrolling again is refused 403 revoked")
    void revokedKey() {
        Commune.Enrolled enrolled = commune.enrolledSpeaker();
        commune.api.post("/api/v1/endpoints/" + enrolled.endpointId() + "/revoke", "{}");

        SignedAgent.Reply reply = enrolled.agent().enroll("SPEAKER", null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("revoked");
    }
}
