package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.Sha256;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Agent API: GET /agent/v1/timeline on a real controller")
class TimelineApiTest {

    private static final String TIMELINE = "/agent/v1/timeline";

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
    @DisplayName("the body is signed by the controller key from enrollment, names the device and has its hash as ETag")
    void signedBody() {
        SignedAgent.Reply reply = device.agent().get(TIMELINE);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"" + Sha256.hex(reply.body()) + "\"");
        byte[] signature = Ed25519Keys.fromBase64(reply.header("X-Bantin-Signature"));
        assertThat(Ed25519Keys.verify(device.controllerKey(), reply.body(), signature)).isTrue();
        JsonObject body = reply.json();
        assertThat(body.getString("deviceId")).isEqualTo(device.agent().deviceId());
        assertThat(body.getLong("endpointId")).isEqualTo(device.endpointId());
    }

    @Test
    @DisplayName("a signature made by another key, or over other bytes, does not verify")
    void signatureIsBoundToKeyAndBytes() {
        SignedAgent.Reply reply = device.agent().get(TIMELINE);
        byte[] signature = Ed25519Keys.fromBase64(reply.header("X-Bantin-Signature"));
        byte[] altered = reply.body().clone();
        altered[altered.length - 2] ^= 1;

        assertThat(Ed25519Keys.verify(device.controllerKey(), altered, signature)).isFalse();
        assertThat(Ed25519Keys.verify(device.agent().key().publicKey(), reply.body(), signature)).isFalse();
    }

    @Test
    @DisplayName("If-None-Match with the current ETag answers 304 without a body")
    void notModified() {
        String etag = device.agent().get(TIMELINE).header("ETag");

        SignedAgent.Reply reply = device.agent().get(TIMELINE, "If-None-Match", etag);

        assertThat(reply.status()).isEqualTo(304);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("ETag")).isEqualTo(etag);
    }

    @Test
    @DisplayName("If-None-Match as a weak tag or in a list (as proxies send it) also answers 304")
    void notModifiedWeakOrList() {
        String etag = device.agent().get(TIMELINE).header("ETag");

        assertThat(device.agent().get(TIMELINE, "If-None-Match", "W/" + etag).status()).isEqualTo(304);
        assertThat(device.agent().get(TIMELINE, "If-None-Match", "\"old\", " + etag).status()).isEqualTo(304);
        assertThat(device.agent().get(TIMELINE, "If-None-Match", "\"old\"").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a new campaign for the device's area changes the ETag, and the old ETag gets the new body")
    void campaignChangesEtag() throws Exception {
        SignedAgent.Reply before = device.agent().get(TIMELINE);
        JsonObject asset = commune.toneAsset(2);

        long campaignId = commune.bulletinAt(asset.getLong("id"), Instant.now().plus(Duration.ofHours(1)));

        SignedAgent.Reply after = device.agent().get(TIMELINE, "If-None-Match", before.header("ETag"));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.json().getString("version")).isNotEqualTo(before.json().getString("version"));
        JsonArray entries = after.json().getJsonArray("entries");
        assertThat(entries).hasSize(1);
        JsonObject entry = entries.getJsonObject(0);
        assertThat(entry.getLong("campaignId")).isEqualTo(campaignId);
        // the speaker downloads the loudness-normalised rendition made for its profile, not the upload
        String rendition = asset.getJsonArray("renditions").stream().map(r -> (JsonObject) r)
                .filter(r -> r.getString("profile").startsWith("speaker")).findFirst().orElseThrow()
                .getString("sha256");
        JsonObject item = entry.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("sha256")).isEqualTo(rendition).isNotEqualTo(asset.getString("sha256"));
        assertThat(item.getString("url")).isEqualTo("/agent/v1/media/" + rendition);
        assertThat(Ed25519Keys.verify(device.controllerKey(), after.body(),
                Ed25519Keys.fromBase64(after.header("X-Bantin-Signature")))).isTrue();
    }

    @Test
    @DisplayName("recompiling the same inputs gives byte-identical bodies")
    void deterministic() throws Exception {
        commune.bulletinAt(commune.toneAsset(2).getLong("id"), Instant.now().plus(Duration.ofHours(2)));
        SignedAgent.Reply first = device.agent().get(TIMELINE);

        commune.endpoint("SCREEN");
        SignedAgent.Reply second = device.agent().get(TIMELINE);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("X-Bantin-Signature")).isEqualTo(first.header("X-Bantin-Signature"));
    }
    @Test
    @DisplayName("the serial stays for the same content, grows with a change, and never goes back across a restart")
    void serialOnlyGrows() throws Exception {
        long first = device.agent().get(TIMELINE).json().getLong("serial");
        assertThat(device.agent().get(TIMELINE).json().getLong("serial")).isEqualTo(first);
        long asset = commune.toneAsset(1).getLong("id");
        long campaign = commune.bulletinAt(asset, Instant.now().plus(Duration.ofHours(2)));
        long changed = device.agent().get(TIMELINE).json().getLong("serial");
        assertThat(changed).isGreaterThan(first);

        String token = commune.controller.token();
        commune.controller.close();
        try (TestController again = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.ADMIN_TOKEN, token))) {
            SignedAgent same = new SignedAgent(again.baseUrl(), device.agent().key());
            assertThat(same.get(TIMELINE).json().getLong("serial")).as("same content after a restart").isEqualTo(changed);
            assertThat(again.api().post("/api/v1/campaigns/" + campaign + "/unapprove", "{}").status()).isEqualTo(200);
            long afterChange = same.get(TIMELINE).json().getLong("serial");
            assertThat(afterChange).isGreaterThan(changed);
        }
    }
}
