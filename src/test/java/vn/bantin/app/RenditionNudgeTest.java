package vn.bantin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Actor;
import vn.bantin.domain.Asset;
import vn.bantin.store.MediaJob;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

/**
 * A finished rendition asks only the endpoints whose timeline can hold the asset to pull again: every
 * rendition nudging every endpoint was most of an idle endpoint's control bytes above three heartbeats.
 */
class RenditionNudgeTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;
    private TestController controller;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    void aRenditionNudgesTheEndpointsPlayingItsAssetAndNoOther() throws Exception {
        HttpApi api = controller.api();
        long playing = speakerIn(api, "Xã Gia Viên");
        long unrelated = speakerIn(api, "Xã Đông Hải");
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "ban-tin.wav", 2)).getLong("id");
        campaign(api, areaOf(api, playing), new JsonArray().add(new JsonObject().put("assetId", asset)),
                new JsonObject().put("mode", "ONCE"));

        assertNudgedByRemake(asset, playing, unrelated);
    }

    @Test
    void aRenditionOfARelayFallbackNudgesTheEndpointsRelayingItsSource() throws Exception {
        HttpApi api = controller.api();
        long relaying = speakerIn(api, "Xã Gia Viên");
        long unrelated = speakerIn(api, "Xã Đông Hải");
        long fallback = api.approvedAsset(Ffmpeg.tone(dir, "du-phong.wav", 2)).getLong("id");
        HttpApi.Answer source = api.post("/api/v1/sources", new JsonObject().put("name", "Đài tỉnh")
                .put("url", "http://127.0.0.1:18199/tinh.mp3").put("fallbackAssetId", fallback));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        campaign(api, areaOf(api, relaying), new JsonArray(), new JsonObject().put("mode", "STREAM")
                .put("sourceId", source.json().getLong("id")).put("windowMinutes", 30));

        assertNudgedByRemake(fallback, relaying, unrelated);
    }

    /** Makes the asset's renditions again; the first endpoint must be nudged, the second never. */
    private void assertNudgedByRemake(long asset, long reached, long unrelated) throws Exception {
        Services services = controller.controller().services();
        List<Set<Long>> nudged = new CopyOnWriteArrayList<>();
        services.timelines().onAffected(nudged::add);
        Asset a = services.assets().get(Actor.adminToken(), asset).stored().asset();
        List<MediaJob> again = services.jobs().enqueue(a);
        assertThat(again).as("renditions made again").isNotEmpty();
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(again).allSatisfy(j ->
                assertThat(services.jobs().job(j.id()).orElseThrow().finished()).as("job " + j.id()).isTrue()));
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(nudged).as("nudged").isNotEmpty());
        Thread.sleep(500);

        assertThat(nudged).as("the endpoint whose timeline holds the asset is told").anySatisfy(s ->
                assertThat(s).contains(reached));
        assertThat(nudged).as("an endpoint nothing of the asset reaches is not").noneSatisfy(s ->
                assertThat(s).contains(unrelated));
    }

    private static long areaOf(HttpApi api, long endpoint) {
        return api.get("/api/v1/endpoints/" + endpoint).json().getLong("areaId");
    }

    private static long speakerIn(HttpApi api, String commune) {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", commune).put("zone", ZONE.getId()))
                .json().getLong("id");
        return api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa " + commune)
                .put("kind", "SPEAKER").put("areaId", area)).json().getLong("id");
    }

    /** An approved campaign on the area with one slot at noon tomorrow (never across a midnight here). */
    private static void campaign(HttpApi api, long area, JsonArray playlist, JsonObject slot) {
        LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);
        HttpApi.Answer created = api.post("/api/v1/campaigns", new JsonObject().put("name", "Bản tin trưa")
                .put("startDate", tomorrow.minusDays(2).toString()).put("endDate", tomorrow.plusDays(1).toString())
                .put("playlist", playlist)
                .put("slots", new JsonArray().add(slot.put("at", new JsonArray().add(tomorrow.atTime(12, 0).toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/campaigns/" + created.json().getLong("id") + "/approve", "{}").status())
                .isEqualTo(200);
    }
}
