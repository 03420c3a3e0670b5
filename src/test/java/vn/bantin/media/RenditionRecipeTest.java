package vn.bantin.media;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.domain.Timeline;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SimulatedDevice;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Rendition recipes: a changed profile re-makes its renditions; the old file plays until the new one is ready")
class RenditionRecipeTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;
    TestController controller;

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    @Test
    @DisplayName("loudness target −16 → −20 and the 1280×720 screens made silent: re-made, measured on the files,"
            + " timelines switch hashes; silent LED renditions and a second start re-make nothing")
    void changedProfileRemakesRenditions() throws Exception {
        Map<String, String> keys = new HashMap<>(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.ADMIN_TOKEN, "recipe-test-token"));
        controller = TestController.start(keys);
        HttpApi api = controller.api();
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Yên Hòa")).json().getLong("id");
        long speaker = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa 1").put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
        long screen = api.post("/api/v1/endpoints", new JsonObject().put("name", "Màn hình UBND").put("kind", "SCREEN")
                .put("areaId", area)).json().getLong("id");
        long bulletin = api.upload(TestMedia.clippedLoud(dir, "ban-tin.wav", 4), "ban-tin.wav").json().getLong("id");
        long clip = api.upload(TestMedia.clippingClip(dir, "phong-su.mp4", 3), "phong-su.mp4").json().getLong("id");
        JsonObject speechBefore = rendition(api.processed(bulletin), "speaker-speech");
        JsonObject clipBefore = api.processed(clip);
        JsonObject screenBefore = rendition(clipBefore, "screen-1280x720");
        JsonObject ledBefore = rendition(clipBefore, "led-960x320");
        api.post("/api/v1/assets/" + bulletin + "/approve", "{}");
        api.post("/api/v1/assets/" + clip + "/approve", "{}");
        LocalDateTime at = LocalDateTime.now(ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        HttpApi.Answer made = api.post("/api/v1/campaigns", campaign(area, at, bulletin, clip));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/campaigns/" + made.json().getLong("id") + "/approve", "{}").status())
                .isEqualTo(200);
        enroll(api, speaker, "SPEAKER");
        enroll(api, screen, "SCREEN");

        assertThat(Inspect.ebur128(file(speechBefore)).integratedLufs()).isBetween(-17.0, -15.0);
        assertThat(Inspect.hasStream(file(screenBefore), "a")).isTrue();
        assertThat(itemShas(speaker)).containsExactly(speechBefore.getString("sha256"));
        assertThat(itemShas(screen)).containsExactly(screenBefore.getString("sha256"));
        assertThat(speechBefore.getString("recipe")).startsWith("r1-");
        int jobsBefore = api.get("/api/v1/assets/" + clip).json().getJsonArray("jobs").size();
        controller.close();

        keys.put(ConfigLoader.LOUDNESS_TARGET_LUFS, "-20");
        keys.put("media.profile.screen-1280x720.sound", "false");
        controller = TestController.start(keys);
        HttpApi after = controller.api();
        Set<String> speakerShasSeen = new HashSet<>();
        Eventually.within(Duration.ofSeconds(180), () -> {
            // while the re-make runs the old rendition keeps serving: the entry never loses its file
            Set<String> now = itemShas(speaker);
            assertThat(now).hasSize(1);
            speakerShasSeen.addAll(now);
            assertThat(after.get("/api/v1/assets/" + bulletin).json().getString("status")).isEqualTo("READY");
            assertThat(now).doesNotContain(speechBefore.getString("sha256"));
            assertThat(itemShas(screen)).doesNotContain(screenBefore.getString("sha256"));
            JsonArray jobs = after.get("/api/v1/assets/" + clip).json().getJsonArray("jobs");
            assertThat(jobs.stream().map(j -> ((JsonObject) j).getString("state"))).containsOnly("DONE");
        });
        JsonObject speechAfter = rendition(after.processed(bulletin), "speaker-speech");
        JsonObject clipAfter = after.processed(clip);
        JsonObject screenAfter = rendition(clipAfter, "screen-1280x720");
        assertThat(speakerShasSeen).isSubsetOf(speechBefore.getString("sha256"), speechAfter.getString("sha256"));
        assertThat(itemShas(speaker)).containsExactly(speechAfter.getString("sha256"));
        assertThat(itemShas(screen)).containsExactly(screenAfter.getString("sha256"));

        Inspect.Ebur128 loud = Inspect.ebur128(file(speechAfter));
        assertThat(loud.integratedLufs()).isBetween(-21.0, -19.0);
        assertThat(loud.truePeakDbtp()).isLessThanOrEqualTo(-1.5);
        assertThat(speechAfter.getDouble("loudnessLufs")).isCloseTo(loud.integratedLufs(),
                org.assertj.core.data.Offset.offset(0.2));
        assertThat(speechAfter.getString("recipe")).isNotEqualTo(speechBefore.getString("recipe"));
        assertThat(Inspect.hasStream(file(screenAfter), "a")).isFalse();
        assertThat(screenAfter.getString("audioCodec")).isNull();
        assertThat(Inspect.ebur128(file(rendition(clipAfter, "screen-1920x1080"))).integratedLufs())
                .isBetween(-21.0, -19.0);
        // silent LED boards: neither change touches their recipe, so their rendition is the same file
        assertThat(rendition(clipAfter, "led-960x320").getString("sha256")).isEqualTo(ledBefore.getString("sha256"));
        int jobsAfter = clipAfter.getJsonArray("jobs").size();
        assertThat(jobsAfter).isEqualTo(jobsBefore + 2); // screen-1920x1080 (loudness) and screen-1280x720 (silent)
        controller.close();

        controller = TestController.start(keys);
        assertThat(controller.api().get("/api/v1/assets/" + clip).json().getJsonArray("jobs")).hasSize(jobsAfter);
        assertThat(controller.api().get("/api/v1/assets/" + bulletin).json().getString("status")).isEqualTo("READY");
    }

    private void enroll(HttpApi api, long endpointId, String kind) throws Exception {
        String code = api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json().getString("code");
        SimulatedDevice device = new SimulatedDevice(java.net.http.HttpClient.newHttpClient(), controller.baseUrl());
        assertThat(device.enroll(kind, code).getString("status")).isEqualTo("ACTIVE");
    }

    private Set<String> itemShas(long endpointId) {
        Timeline t = controller.controller().services().timelines().preview(endpointId);
        Set<String> out = new HashSet<>();
        t.entries().forEach(e -> e.items().forEach(i -> out.add(i.sha256())));
        return out;
    }

    private Path file(JsonObject rendition) {
        String sha = rendition.getString("sha256");
        return controller.config().mediaDir().resolve("media").resolve(sha.substring(0, 2)).resolve(sha);
    }

    private static JsonObject rendition(JsonObject asset, String profile) {
        JsonArray all = asset.getJsonArray("renditions");
        for (int i = 0; i < all.size(); i++) {
            if (profile.equals(all.getJsonObject(i).getString("profile"))) {
                return all.getJsonObject(i);
            }
        }
        throw new AssertionError("no " + profile + " rendition in " + asset.encode());
    }

    private static JsonObject campaign(long area, LocalDateTime at, long... assets) {
        JsonArray playlist = new JsonArray();
        for (long a : assets) {
            playlist.add(new JsonObject().put("assetId", a));
        }
        return new JsonObject().put("name", "Bản tin sáng").put("startDate", at.toLocalDate().toString())
                .put("endDate", at.toLocalDate().plusDays(1).toString()).put("playlist", playlist)
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE")
                        .put("at", new JsonArray().add(at.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area)));
    }
}
