package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An alert's progress on each endpoint (the emergency screen's view) survives a controller restart")
class AlertProgressRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    @DisplayName("delivered before the restart stays delivered, and a start after it is still followed")
    void progressSurvivesRestart() throws Exception {
        try (CommuneWorld world = new CommuneWorld(dir)) {
            long alertId = world.api.post("/api/v1/alerts", new JsonObject().put("title", "Cảnh báo bão số 3")
                    .put("audioAssetId", world.asset.getLong("id")).put("volume", 100)
                    .put("targets", new JsonObject().put("areas", new JsonArray().add(world.communeId))))
                    .json().getLong("id");
            JsonObject[] entry = new JsonObject[1];
            Eventually.within(WAIT, () -> entry[0] = alertEntry(world.timeline()));
            Eventually.within(WAIT, () -> assertThat(only(world, alertId).getString("state")).isEqualTo("DELIVERED"));
            long deliveredAt = only(world, alertId).getLong("deliveredAt");

            world.restart();
            JsonObject after = only(world, alertId);
            assertThat(after.getString("state")).isEqualTo("DELIVERED");
            assertThat(after.getLong("deliveredAt")).isEqualTo(deliveredAt);
            assertThat(after.getString("endpointName")).isEqualTo(CommuneWorld.SPEAKER);

            world.heartbeatPlaying(entry[0].getString("id"),
                    entry[0].getJsonArray("items").getJsonObject(0).getString("sha256"));
            JsonObject started = only(world, alertId);
            assertThat(started.getString("state")).isEqualTo("STARTED");
            assertThat(started.getLong("deliveredAt")).isEqualTo(deliveredAt);
            assertThat(started.getLong("startedAt")).isNotNull();
        }
    }

    private static JsonObject only(CommuneWorld world, long alertId) {
        JsonArray deliveries = world.api.get("/api/v1/alerts/" + alertId + "/deliveries").array();
        assertThat(deliveries).hasSize(1);
        return deliveries.getJsonObject(0);
    }

    private static JsonObject alertEntry(JsonArray entries) {
        return entries.stream().map(JsonObject.class::cast).filter(e -> "EMERGENCY".equals(e.getString("class")))
                .findFirst().orElseThrow(() -> new AssertionError("no EMERGENCY entry in " + entries.encode()));
    }
}
