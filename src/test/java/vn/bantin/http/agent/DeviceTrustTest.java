package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.PushStreams;
import vn.bantin.support.SignedAgent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Device trust: revocation at once, no replay across restarts, media only from the own timeline")
class DeviceTrustTest {

    private static final String TIMELINE = "/agent/v1/timeline";

    @TempDir
    Path dir;
    Commune commune;

    @AfterEach
    void stop() {
        if (commune != null) {
            commune.close();
        }
    }

    @Test
    @DisplayName("revoking an endpoint closes its open push stream and refuses its next call")
    void revocationClosesStream() throws Exception {
        commune = Commune.start(dir);
        Commune.Enrolled device = commune.enrolledSpeaker();
        CompletableFuture<Integer> closed = PushStreams.open(commune.controller.baseUrl(), device.agent());

        assertThat(commune.api.post("/api/v1/endpoints/" + device.endpointId() + "/revoke", "{}").status())
                .isEqualTo(200);

        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        SignedAgent.Reply next = device.agent().get(TIMELINE);
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.code()).isEqualTo("revoked");
    }

    @Test
    @DisplayName("a captured signed request is refused after a controller restart, and nothing is touched")
    void replayAcrossRestart() throws Exception {
        commune = Commune.start(dir);
        Commune.Enrolled device = commune.enrolledSpeaker();
        Map<String, String> captured = device.agent().sign("GET", TIMELINE, new byte[0], System.currentTimeMillis());
        assertThat(device.agent().send("GET", TIMELINE, new byte[0], captured).status()).isEqualTo(200);
        assertThat(device.agent().send("GET", TIMELINE, new byte[0], captured).code()).isEqualTo("replay");
        Long seenBefore = commune.endpointView(device.endpointId()).getLong("lastSeenAt");

        commune = commune.restart();
        SignedAgent again = new SignedAgent(commune.controller.baseUrl(), device.agent().key());
        SignedAgent.Reply replayed = again.send("GET", TIMELINE, new byte[0], captured);

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("replay");
        assertThat(commune.endpointView(device.endpointId()).getLong("lastSeenAt")).isEqualTo(seenBefore);
        assertThat(again.get(TIMELINE).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("an active device gets only media its own timeline references: others' files and drafts are 404")
    void mediaOnlyFromOwnTimeline() throws Exception {
        commune = Commune.start(dir);
        Commune.Enrolled device = commune.enrolledSpeaker();
        JsonObject aired = commune.toneAsset(1);
        commune.bulletinAt(aired.getLong("id"), Instant.now().plus(Duration.ofHours(1)));
        JsonObject draft = commune.api.upload(vn.bantin.support.Ffmpeg.tone(dir, "nhap.wav", 1), "nhap.wav").json();
        String inTimeline = device.agent().get(TIMELINE).json().getJsonArray("entries").getJsonObject(0)
                .getJsonArray("items").getJsonObject(0).getString("sha256");

        assertThat(device.agent().get("/agent/v1/media/" + inTimeline).status()).isEqualTo(200);
        for (String other : new String[] {draft.getString("sha256"), aired.getString("sha256")}) {
            SignedAgent.Reply refused = device.agent().get("/agent/v1/media/" + other);
            assertThat(refused.status()).as(other).isEqualTo(404);
        }
    }
}
