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
import vn.bantin.support.HttpApi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Live view API: /api/v1/events, /api/v1/dashboard, alert deliveries — by name, as things happen")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private CommuneWorld world;
    private HttpApi api;
    private long endpointId;
    private EventStream events;
    private long firstEventId;

    @BeforeAll
    void commune(@TempDir Path dir) throws Exception {
        world = new CommuneWorld(dir);
        api = world.api;
        endpointId = world.endpointId;
        events = new EventStream(world.controller.baseUrl(), world.controller.token(), null);
        assertThat(events.status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        events.close();
        world.close();
    }

    @Test
    @Order(1)
    @DisplayName("a heartbeat brings the endpoint online and says what it plays by campaign and content name")
    void heartbeatAnnouncesOnlineAndNowPlaying() throws Exception {
        world.heartbeat(world.firstEntry());

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
    @DisplayName("a loop's schedule reaches the dashboard by name when the device fetches it, so screens follow its items")
    void fetchedLoopAnnouncedAsSchedule() throws Exception {
        long campaignId = world.loopNow("Phát lặp an toàn giao thông", 30);
        world.timeline();

        JsonArray announced = events.next("endpoint.schedule", d -> d.getLong("endpointId") == endpointId
                && loopOf(d.getJsonArray("schedule"), campaignId) != null, WAIT).data().getJsonArray("schedule");
        JsonObject loop = loopOf(announced, campaignId);
        assertThat(loop.getString("campaignName")).isEqualTo("Phát lặp an toàn giao thông");
        assertThat(loop.getLong("anchorMs")).isLessThanOrEqualTo(loop.getLong("startMs"));
        assertThat(loop.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("assetName")).toList())
                .containsExactly(CommuneWorld.CONTENT, CommuneWorld.JINGLE);
        long airtime = loopsOf(announced, campaignId).stream().mapToLong(e -> e.getLong("endMs") - e.getLong("startMs"))
                .sum();
        assertThat(airtime).as("the window, whole or in two pieces at midnight").isEqualTo(30 * 60_000L);

        JsonObject summary = api.get("/api/v1/dashboard").json().getJsonArray("endpoints").getJsonObject(0);
        assertThat(loopOf(summary.getJsonArray("schedule"), campaignId)).isEqualTo(loop);

        world.timeline();
        assertThatThrownBy(() -> events.next("endpoint.schedule", d -> d.getLong("endpointId") == endpointId
                && loopOf(d.getJsonArray("schedule"), campaignId) != null, Duration.ofSeconds(2)))
                .as("the same timeline fetched again is not announced again").isInstanceOf(AssertionError.class);
    }

    private static JsonObject loopOf(JsonArray schedule, long campaignId) {
        return schedule == null ? null : loopsOf(schedule, campaignId).stream().findFirst().orElse(null);
    }

    private static List<JsonObject> loopsOf(JsonArray schedule, long campaignId) {
        return schedule.stream().map(o -> (JsonObject) o)
                .filter(e -> e.getString("mode").equals("LOOP") && Long.valueOf(campaignId).equals(e.getLong("campaignId")))
                .toList();
    }

    @Test
    @Order(3)
    @DisplayName("a stored play record is announced by name and listed on the dashboard's recent plays")
    void playRecordAnnounced() throws Exception {
        world.played(world.firstEntry());

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
    @Order(4)
    @DisplayName("an alert is announced, then delivered when the endpoint fetches its timeline, then started")
    void alertDeliveryAsItHappens() throws Exception {
        long alertId = api.post("/api/v1/alerts", new JsonObject().put("title", "Bão số 3: sơ tán")
                .put("audioAssetId", world.asset.getLong("id"))
                .put("targets", new JsonObject().put("endpoints", new JsonArray().add(endpointId)))).json().getLong("id");
        assertThat(events.next("alert.changed", d -> d.getLong("alertId") == alertId, WAIT).data().getString("status"))
                .isEqualTo("ACTIVE");
        assertThat(deliveries(alertId).getString("state")).isEqualTo("SENT");

        JsonObject emergency = world.timeline().stream().map(JsonObject.class::cast)
                .filter(e -> "EMERGENCY".equals(e.getString("class"))).findFirst().orElseThrow();
        assertThat(events.next("alert.delivery", d -> d.getLong("alertId") == alertId, WAIT).data().getString("state"))
                .isEqualTo("DELIVERED");

        world.heartbeat(emergency);
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
    @Order(5)
    @DisplayName("a browser reconnecting with Last-Event-ID first receives what it missed")
    void reconnectCatchesUp() throws Exception {
        try (EventStream again = new EventStream(world.controller.baseUrl(), world.controller.token(), firstEventId)) {
            assertThat(again.status()).isEqualTo(200);
            var missed = again.next("endpoint.playing", d -> d.getLong("endpointId") == endpointId, WAIT);
            assertThat(missed.id()).isGreaterThan(firstEventId);
            again.next("play.recorded", d -> true, WAIT);
        }
        try (EventStream anonymous = new EventStream(world.controller.baseUrl(), "wrong-token", null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    private JsonObject deliveries(long alertId) {
        JsonArray rows = api.get("/api/v1/alerts/" + alertId + "/deliveries").array();
        assertThat(rows).hasSize(1);
        return rows.getJsonObject(0);
    }
}
