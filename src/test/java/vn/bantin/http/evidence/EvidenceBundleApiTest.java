package vn.bantin.http.evidence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.evidence.bundle.VerifyBundle;
import vn.bantin.support.PlayChain;
import vn.bantin.support.SignedAgent;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence anyone can check, on a real controller: a device's records with a torn record, a refused one and a
 * second record signed for a stored seq. The status says TAMPERED, the verification names each problem (the
 * gaps with the device's and the controller's explanations), and the exported bundle tells an offline
 * verifier the same; a clean device's bundle verifies.
 */
@DisplayName("Evidence status, verification and bundles: every problem named, nothing hidden")
class EvidenceBundleApiTest {

    private static final String PERIOD = "from=2025-11-01&to=2025-11-30";

    @TempDir
    Path dir;
    PlanWorld world;
    String controllerKey;

    @BeforeEach
    void start() throws Exception {
        world = new PlanWorld(dir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private SignedAgent enrolled(long endpointId) {
        SignedAgent agent = new SignedAgent(world.controller.baseUrl());
        String code = world.api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json()
                .getString("code");
        SignedAgent.Reply reply = agent.enroll("SPEAKER", code);
        assertThat(reply.status()).isEqualTo(200);
        controllerKey = reply.json().getString("controllerPublicKey");
        return agent;
    }

    private static JsonObject notice(SignedAgent agent, long seq, String cause, String detail) {
        return agent.signedRecord(new JsonObject().put("type", "gap-notice").put("deviceId", agent.deviceId())
                .put("firstSeq", seq).put("lastSeq", seq).put("cause", cause).put("detail", detail)
                .put("notedAt", System.currentTimeMillis()).encode());
    }

    /** Records 1..8: 4 torn on the card, 6 refused (its signature was damaged), and a second record for seq 2. */
    private void troubledDevice(SignedAgent agent) {
        JsonArray all = new PlayChain(agent).nextSigned(8);
        JsonObject damaged = all.getJsonObject(5).copy();
        byte[] sig = Base64.getDecoder().decode(damaged.getString("sig"));
        sig[3] ^= 1;
        damaged.put("sig", Base64.getEncoder().encodeToString(sig));
        JsonArray sent = new JsonArray();
        List.of(0, 1, 2, 4, 6, 7).forEach(i -> sent.add(all.getValue(i)));
        sent.add(damaged);
        assertThat(agent.postPlays(sent, new JsonArray().add(notice(agent, 4, "TORN", "spool/4.json torn")))
                .json().getJsonArray("refused")).hasSize(1);
        String second = all.getJsonObject(1).getString("payload").replace("\"PLAYED\"", "\"MISSED\"");
        assertThat(agent.postPlays(new JsonArray().add(agent.signedRecord(second)),
                new JsonArray().add(notice(agent, 6, "REFUSED", "bad_signature: kept aside"))).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("status, verification and the offline verifier name the fork and both gaps, with their explanations")
    void everyProblemNamed() throws Exception {
        long endpoint = world.speaker("Cụm loa thôn Đông");
        troubledDevice(enrolled(endpoint));

        JsonObject status = world.api.get("/api/v1/endpoints/" + endpoint + "/evidence").json();
        assertThat(status.getString("status")).isEqualTo("TAMPERED");
        assertThat(status.getInteger("records")).isEqualTo(6);
        assertThat(status.getInteger("conflicts")).isEqualTo(1);
        assertThat(kinds(status.getJsonArray("devices").getJsonObject(0).getJsonArray("findings")))
                .containsExactly("FORK", "GAP", "GAP");

        JsonObject verification = world.api.get("/api/v1/evidence/verification?endpointId=" + endpoint + "&" + PERIOD)
                .json();
        assertThat(verification.getBoolean("verified")).isFalse();
        assertThat(verification.getJsonArray("bundleFindings")).isEmpty();
        JsonArray findings = verification.getJsonArray("devices").getJsonObject(0).getJsonArray("findings");
        assertThat(kinds(findings)).containsExactly("FORK", "GAP", "GAP");
        assertThat(findings.getJsonObject(1).getString("explanation")).contains("TORN", "spool/4.json torn");
        assertThat(findings.getJsonObject(2).getString("explanation")).contains("REFUSED", "bad_signature");

        Path zip = dir.resolve("bang-chung.zip");
        Files.write(zip, world.api.bytes("/api/v1/evidence/bundle?endpointId=" + endpoint + "&" + PERIOD));
        StringWriter out = new StringWriter();
        int exit = VerifyBundle.run(new String[] {zip.toString(), "--controller-key", controllerKey},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("FORK", "GAP", "spool/4.json torn", "3 vấn đề / problems found");
    }

    @Test
    @DisplayName("a clean device's bundle verifies offline; an auditor expecting another controller key is told so")
    void cleanBundleVerifies() throws Exception {
        long endpoint = world.speaker("Cụm loa thôn Tây");
        SignedAgent agent = enrolled(endpoint);
        assertThat(agent.postPlays(new PlayChain(agent).nextSigned(5)).status()).isEqualTo(200);

        assertThat(world.api.get("/api/v1/endpoints/" + endpoint + "/evidence").json().getString("status"))
                .isEqualTo("INTACT");
        assertThat(world.api.get("/api/v1/evidence/verification?areaId=" + world.areaId + "&" + PERIOD).json()
                .getBoolean("verified")).isTrue();
        Path zip = dir.resolve("sach.zip");
        Files.write(zip, world.api.bytes("/api/v1/evidence/bundle?areaId=" + world.areaId + "&" + PERIOD));
        StringWriter out = new StringWriter();
        assertThat(VerifyBundle.run(new String[] {zip.toString(), "--controller-key", controllerKey},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isEqualTo(0);
        assertThat(out.toString()).contains("ĐÃ XÁC MINH / VERIFIED", "5 bản ghi / records, seq 1–5");

        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        StringWriter wrong = new StringWriter();
        assertThat(VerifyBundle.run(new String[] {zip.toString(), "--controller-key", otherKey, "--json"},
                new PrintWriter(wrong, true), new PrintWriter(new StringWriter(), true))).isEqualTo(1);
        assertThat(kinds(new JsonObject(wrong.toString()).getJsonArray("bundleFindings")))
                .containsExactly("CONTROLLER_KEY", "BUNDLE_SIGNATURE");
    }

    @Test
    @DisplayName("another commune's staff cannot export this endpoint's evidence (404); not a bundle exits 2")
    void scopedAndRefused() throws Exception {
        long endpoint = world.speaker("Cụm loa chợ");
        long otherArea = world.api.post("/api/v1/areas", new JsonObject().put("name", "Xã khác")
                .put("zone", "Asia/Ho_Chi_Minh")).json().getLong("id");

        assertThat(world.controller.as(Role.VIEWER, otherArea)
                .get("/api/v1/evidence/bundle?endpointId=" + endpoint).status()).isEqualTo(404);
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        StringWriter err = new StringWriter();
        assertThat(VerifyBundle.run(new String[] {junk.toString()}, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true))).isEqualTo(2);
        assertThat(err.toString()).contains("cannot verify");
    }

    private static List<String> kinds(JsonArray findings) {
        return findings.stream().map(f -> ((JsonObject) f).getString("kind")).toList();
    }
}
