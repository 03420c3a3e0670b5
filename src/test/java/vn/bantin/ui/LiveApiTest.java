package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Live view API: /api/v1/events, /api/v1/dashboard, alert deliveries — by name, as things happen")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private TestController controller;
    private HttpApi api;
    private SignedAgent agent;
    private long endpointId;
    private JsonObject asset;
    private EventStream events;
    private long firstEventId;

    @BeforeAll
    void commune(@TempDir Path dir) throws Exception {
        controller = TestController.start(dir.resolve("data"));
        api = controller.api();
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Hồng Gai").put("zone", ZONE.getId()))
                .json().getLong("id");
        endpointId = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa tổ 5").put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json().getString("code");
        agent = new SignedAgent(controller.baseUrl());
        assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
        asset = api.approvedAsset(Ffmpeg.tone(dir, "ban-tin-sang.wav", 3));
        LocalDate today = LocalDate.now(ZONE);
        String at = LocalDateTime.now(ZONE).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();
        long campaign = api.post("/api/v1/campaigns", new JsonObject().put("name", "Bản tin Nghị quyết 57")
                .put("startDate", today.toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset.getLong("id"))))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("at", new JsonArray().add(at))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area)))).json().getLong("id");
        api.post("/api/v1/campaigns/" + campaign + "/approve", "{}");
        events = new EventStream(controller.baseUrl(), controller.token(), null);
        assertThat(events.status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        events.close();
        controller.close();
    }

    @Test
    @Order(1)
    @DisplayName("a heartbeat brings the endpoint online and says what it plays by campaign and content name")
    void heartbeatAnnouncesOnlineAndNowPlaying() throws Exception {
        JsonObject entry = firstEntry();
        heartbeat(entry);

        var online = events.next("endpoint.status", d -> d.getLong("endpointId") == endpointId, WAIT);
        firstEventId = online.id();
        assertThat(online.data().getBoolean("online")).isTrue();
        assertThat(online.data().getString("name")).isEqualTo("Cụm loa tổ 5");
        JsonObject playing = events.next("endpoint.playing", d -> d.getLong("endpointId") == endpointId, WAIT)
                .data().getJsonObject("nowPlaying");
        assertThat(playing.getString("campaignName")).isEqualTo("Bản tin Nghị quyết 57");
        assertThat(playing.getString("assetName")).isEqualTo("ban-tin-sang.wav");

        JsonObject summary = api.get("/api/v1/dashboard").json().getJsonArray("endpoints").getJsonObject(0);
        assertThat(summary.getBoolean("online")).isTrue();
        assertThat(summary.getJsonObject("nowPlaying").getString("campaignName")).isEqualTo("Bản tin Nghị quyết 57");
        assertThat(summary.getJsonArray("faults")).isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("a stored play record is announced by name and listed on the dashboard's recent plays")
    void playRecordAnnounced() throws Exception {
        JsonObject entry = firstEntry();
        JsonObject item = entry.getJsonArray("items").getJsonObject(0);
        long start = System.currentTimeMillis() - 5_000;
        String payload = new JsonObject().put("deviceId", agent.deviceId()).put("seq", 1).put("prevHash", "0".repeat(64))
                .put("entryId", entry.getString("id")).put("campaignId", entry.getLong("campaignId"))
                .put("class", "NORMAL").put("mode", "ONCE").put("sha256", item.getString("sha256"))
                .put("scheduledStart", start).put("actualStart", start).put("actualEnd", start + 3000)
                .put("outcome", "PLAYED").putNull("reason").put("clockOffsetMs", 0)
                .put("timelineVersion", "0".repeat(64)).encode();
        var stored = agent.postPlays(new JsonArray().add(agent.signedRecord(payload)));
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);

        JsonObject play = events.next("play.recorded", d -> d.getLong("endpointId") == endpointId, WAIT).data();
        assertThat(play.getString("campaignName")).isEqualTo("Bản tin Nghị quyết 57");
        assertThat(play.getString("assetName")).isEqualTo("ban-tin-sang.wav");
        assertThat(play.getString("endpointName")).isEqualTo("Cụm loa tổ 5");
        assertThat(play.getString("outcome")).isEqualTo("PLAYED");

        JsonArray page = api.get("/api/v1/dashboard/plays?outcome=PLAYED&limit=5").array();
        assertThat(page).hasSize(1);
        assertThat(page.getJsonObject(0).getString("campaignName")).isEqualTo("Bản tin Nghị quyết 57");
        assertThat(api.get("/api/v1/dashboard/plays?outcome=FAILED").array()).isEmpty();
        assertThat(api.get("/api/v1/dashboard/plays?outcome=LOST").status()).isEqualTo(400);
    }

    @Test
    @Order(3)
    @DisplayName("an alert is announced, then delivered when the endpoint fetches its timeline, then started")
    void alertDeliveryAsItHappens() throws Exception {
        long alertId = api.post("/api/v1/alerts", new JsonObject().put("title", "Bão số 3: sơ tán")
                .put("audioAssetId", asset.getLong("id"))
                .put("targets", new JsonObject().put("endpoints", new JsonArray().add(endpointId)))).json().getLong("id");
        assertThat(events.next("alert.changed", d -> d.getLong("alertId") == alertId, WAIT).data().getString("status"))
                .isEqualTo("ACTIVE");
        assertThat(deliveries(alertId).getString("state")).isEqualTo("SENT");

        JsonObject emergency = timeline().stream().map(JsonObject.class::cast)
                .filter(e -> "EMERGENCY".equals(e.getString("class"))).findFirst().orElseThrow();
        assertThat(events.next("alert.delivery", d -> d.getLong("alertId") == alertId, WAIT).data().getString("state"))
                .isEqualTo("DELIVERED");

        heartbeat(emergency);
        JsonObject started = events.next("alert.delivery", d -> d.getLong("alertId") == alertId
                && "STARTED".equals(d.getString("state")), WAIT).data();
        assertThat(started.getString("endpointName")).isEqualTo("Cụm loa tổ 5");
        assertThat(deliveries(alertId).getString("state")).isEqualTo("STARTED");
        JsonObject playing = events.next("endpoint.playing", d -> d.getLong("endpointId") == endpointId, WAIT)
                .data().getJsonObject("nowPlaying");
        assertThat(playing.getString("campaignName")).isEqualTo("Bão số 3: sơ tán");
        assertThat(playing.getString("broadcastClass")).isEqualTo("EMERGENCY");
    }

    @Test
    @Order(4)
    @DisplayName("a browser reconnecting with Last-Event-ID first receives what it missed")
    void reconnectCatchesUp() throws Exception {
        try (EventStream again = new EventStream(controller.baseUrl(), controller.token(), firstEventId)) {
            assertThat(again.status()).isEqualTo(200);
            var missed = again.next("endpoint.playing", d -> d.getLong("endpointId") == endpointId, WAIT);
            assertThat(missed.id()).isGreaterThan(firstEventId);
            again.next("play.recorded", d -> true, WAIT);
        }
        try (EventStream anonymous = new EventStream(controller.baseUrl(), "wrong-token", null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    private JsonArray timeline() {
        var reply = agent.get("/agent/v1/timeline");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().getJsonArray("entries");
    }

    private JsonObject firstEntry() {
        return timeline().getJsonObject(0);
    }

    private void heartbeat(JsonObject entry) {
        JsonObject item = entry.getJsonArray("items").getJsonObject(0);
        var reply = agent.post("/agent/v1/heartbeat", new JsonObject().put("agentTime", System.currentTimeMillis())
                .put("uptimeMs", 1000).put("diskFreeBytes", 8_000_000_000L).put("cacheBytes", 1000)
                .put("volume", 80).put("version", "test").put("clockOffsetMs", 0).put("spooledRecords", 0)
                .put("nowPlaying", new JsonObject().put("entryId", entry.getString("id"))
                        .put("sha256", item.getString("sha256")).put("since", System.currentTimeMillis())));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private JsonObject deliveries(long alertId) {
        JsonArray rows = api.get("/api/v1/alerts/" + alertId + "/deliveries").array();
        assertThat(rows).hasSize(1);
        return rows.getJsonObject(0);
    }
}
