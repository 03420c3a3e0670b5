package vn.bantin.http.evidence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.OffsetClock;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real controller whose clock the test moves on (an {@link OffsetClock}), recording the plan and
 * classifying expected plays every second, with one commune set up through the management API.
 */
final class PlanWorld implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    final OffsetClock clock = new OffsetClock();
    final TestController controller;
    final HttpApi api;
    final long areaId;
    final long assetId;
    final String assetName;

    PlanWorld(Path dir) throws Exception {
        this(dir, Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.PLAN_REFRESH_SECONDS, "1", ConfigLoader.CLASSIFY_SECONDS, "1"));
    }

    /** With these config keys (data.dir among them). */
    PlanWorld(Path dir, Map<String, String> keys) throws Exception {
        controller = TestController.start(keys, clock);
        api = controller.api();
        areaId = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên").put("zone", ZONE.getId()))
                .json().getLong("id");
        JsonObject asset = api.approvedAsset(Ffmpeg.tone(dir, "ban-tin-sang.wav", 2));
        assetId = asset.getLong("id");
        assetName = asset.getString("name");
    }

    long speaker(String name) {
        return api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", areaId)).json().getLong("id");
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** An approved campaign for the commune over [today - 1, today + 30] with these slots. */
    long campaign(String name, String broadcastClass, JsonArray slots) {
        JsonObject body = campaignBody(name, broadcastClass, slots);
        HttpApi.Answer created = api.post("/api/v1/campaigns", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getLong("id");
        approve(id);
        return id;
    }

    JsonObject campaignBody(String name, String broadcastClass, JsonArray slots) {
        return new JsonObject().put("name", name).put("class", broadcastClass)
                .put("startDate", today().minusDays(1).toString()).put("endDate", today().plusDays(30).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", slots).put("targets", new JsonObject().put("areas", new JsonArray().add(areaId)));
    }

    void approve(long campaignId) {
        HttpApi.Answer approved = api.post("/api/v1/campaigns/" + campaignId + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    static JsonArray daily(String mode, String cron, Long windowMinutes) {
        JsonObject slot = new JsonObject().put("mode", mode).put("cron", cron);
        if (windowMinutes != null) {
            slot.put("windowMinutes", windowMinutes);
        }
        return new JsonArray().add(slot);
    }

    /** A one-off ONCE slot at this instant, local time to the second. */
    static JsonArray onceAt(Instant at, long allowedDelayMinutes) {
        return new JsonArray().add(new JsonObject().put("mode", "ONCE").put("allowedDelayMinutes", allowedDelayMinutes)
                .put("at", new JsonArray().add(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), ZONE)
                        .toString())));
    }

    JsonObject plan(long endpointId, LocalDate from, LocalDate to) {
        HttpApi.Answer answer = api.get("/api/v1/endpoints/" + endpointId + "/plan?from=" + from + "&to=" + to);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    List<JsonObject> items(long endpointId, LocalDate from, LocalDate to) {
        return plan(endpointId, from, to).getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    @Override
    public void close() {
        controller.close();
    }
}
