package vn.bantin.http.evidence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.RecordChain;
import vn.bantin.support.SignedAgent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Expected plays are the approved plan, recorded for every endpoint it reaches, kept as history")
class ExpectedPlanApiTest {

    @TempDir
    Path dir;
    PlanWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new PlanWorld(dir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("an endpoint no agent ever pulled for expects every bulletin of the horizon, named as planned; the"
            + " horizon keeps filling as days pass, and what passed unreceived is 'not delivered'")
    void recordedWithoutAnyPull() throws Exception {
        long endpoint = world.speaker("Cụm loa thôn Đông");
        world.campaign("Bản tin sáng", "NORMAL", PlanWorld.daily("ONCE", "0 6 * * *", null));
        LocalDate today = world.today();

        List<JsonObject> ahead = world.items(endpoint, today, today.plusDays(12));

        assertThat(ahead).hasSizeGreaterThanOrEqualTo(7).allSatisfy(item -> {
            assertThat(localTime(item.getLong("start"))).isEqualTo(LocalTime.of(6, 0));
            assertThat(item.getString("mode")).isEqualTo("ONCE");
            assertThat(item.getString("state")).isEqualTo("PLANNED");
            assertThat(item.getLong("deliveredAt")).isNull();
            assertThat(item.getString("status")).isEqualTo("UPCOMING");
            JsonObject names = item.getJsonObject("names");
            assertThat(names.getString("campaign")).isEqualTo("Bản tin sáng");
            assertThat(names.getString("endpoint")).isEqualTo("Cụm loa thôn Đông");
            assertThat(names.getString("area")).isEqualTo("Xã Gia Viên");
            assertThat(names.getString("asset")).isEqualTo(world.assetName);
        });
        LocalDate lastDay = localDay(ahead.get(ahead.size() - 1).getLong("start"));

        world.clock.advance(Duration.ofDays(3));

        Eventually.within(Duration.ofSeconds(20), () -> {
            List<JsonObject> later = world.items(endpoint, today, today.plusDays(12));
            assertThat(localDay(later.get(later.size() - 1).getLong("start"))).isEqualTo(lastDay.plusDays(3));
            assertThat(later.stream().filter(i -> i.getLong("start") < world.clock.millis()
                    - Duration.ofMinutes(3).toMillis())).isNotEmpty().allSatisfy(i -> {
                        assertThat(i.getString("status")).isEqualTo("NOT_DELIVERED");
                        assertThat(i.getString("text")).startsWith("Không được giao").contains("Not delivered");
                    });
        });
    }

    @Test
    @DisplayName("changing the plan replaces only what has not started: what was expected stays what was expected")
    void historyKept() throws Exception {
        long endpoint = world.speaker("Cụm loa thôn Tây");
        long campaign = world.campaign("Bản tin sáng", "NORMAL", PlanWorld.daily("ONCE", "0 6 * * *", null));
        LocalDate today = world.today();
        world.clock.advance(Duration.ofDays(2));
        long changedAt = world.clock.millis();

        HttpApi.Answer changed = world.api.put("/api/v1/campaigns/" + campaign,
                world.campaignBody("Bản tin sáng (giờ mới)", "NORMAL", PlanWorld.daily("ONCE", "0 7 * * *", null)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        world.approve(campaign);

        List<JsonObject> items = world.items(endpoint, today, today.plusDays(12));
        List<JsonObject> before = items.stream().filter(i -> i.getLong("start") < changedAt).toList();
        List<JsonObject> after = items.stream().filter(i -> i.getLong("start") >= changedAt).toList();
        assertThat(before).isNotEmpty().allSatisfy(i -> {
            assertThat(localTime(i.getLong("start"))).isEqualTo(LocalTime.of(6, 0));
            assertThat(i.getJsonObject("names").getString("campaign")).isEqualTo("Bản tin sáng");
        });
        assertThat(after).hasSizeGreaterThanOrEqualTo(6).allSatisfy(i -> {
            assertThat(localTime(i.getLong("start"))).isEqualTo(LocalTime.of(7, 0));
            assertThat(i.getJsonObject("names").getString("campaign")).isEqualTo("Bản tin sáng (giờ mới)");
        });
    }

    @Test
    @DisplayName("a fetched timeline marks its plays delivered; fetched then silent is 'endpoint offline', never"
            + " fetched is 'not delivered', a bulletin the compiler dropped is 'dropped by a conflict'")
    void exceptionReasons() throws Exception {
        long fetching = world.speaker("Cụm loa tổ 1");
        long silent = world.speaker("Cụm loa tổ 2");
        Instant at = Instant.ofEpochMilli(world.clock.millis()).plus(Duration.ofMinutes(10));
        world.campaign("Thông báo khẩn của xã", "PRIORITY", PlanWorld.onceAt(at, 0));
        world.campaign("Bản tin thường", "NORMAL", PlanWorld.onceAt(at, 0));
        SignedAgent agent = new SignedAgent(world.controller.baseUrl());
        String code = world.api.post("/api/v1/endpoints/" + fetching + "/enrollment-code", "{}").json().getString("code");
        assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
        assertThat(agent.get("/agent/v1/timeline").status()).isEqualTo(200);
        LocalDate today = world.today();

        Eventually.within(Duration.ofSeconds(10), () -> {
            JsonObject plan = world.plan(fetching, today, today.plusDays(1));
            assertThat(plan.getJsonArray("fetches")).hasSize(1);
            assertThat(byCampaign(plan.getJsonArray("items"), "Thông báo khẩn của xã").getLong("deliveredAt"))
                    .isNotNull();
        });
        world.clock.advance(Duration.ofMinutes(20));

        Eventually.within(Duration.ofSeconds(20), () -> {
            JsonArray fetched = world.plan(fetching, today, today.plusDays(1)).getJsonArray("items");
            JsonArray never = world.plan(silent, today, today.plusDays(1)).getJsonArray("items");
            assertThat(byCampaign(fetched, "Thông báo khẩn của xã").getString("status")).isEqualTo("OFFLINE");
            assertThat(byCampaign(never, "Thông báo khẩn của xã").getString("status")).isEqualTo("NOT_DELIVERED");
            JsonObject dropped = byCampaign(never, "Bản tin thường");
            assertThat(dropped.getString("state")).isEqualTo("DROPPED");
            assertThat(dropped.getString("status")).isEqualTo("DROPPED");
            assertThat(dropped.getString("text")).startsWith("Bị loại khỏi lịch phát").contains("Thông báo khẩn của xã");
        });
    }

    @Test
    @DisplayName("a LOOP window is expected airtime: one item from its start to its end")
    void loopsAreExpectedAirtime() {
        long endpoint = world.speaker("Cụm loa chợ");
        world.campaign("Phát thanh an toàn giao thông", "NORMAL", PlanWorld.daily("LOOP", "0 8 * * *", 120L));
        LocalDate today = world.today();

        List<JsonObject> items = world.items(endpoint, today, today.plusDays(12));

        assertThat(items).hasSizeGreaterThanOrEqualTo(7).allSatisfy(i -> {
            assertThat(i.getString("mode")).isEqualTo("LOOP");
            assertThat(i.getLong("end") - i.getLong("start")).isEqualTo(Duration.ofHours(2).toMillis());
            assertThat(localTime(i.getLong("start"))).isEqualTo(LocalTime.of(8, 0));
        });
    }

    @Test
    @DisplayName("a relay (STREAM) window is expected airtime like a loop: its record counts the time on air without"
            + " the gaps, a speaker that never fetched it is not-delivered airtime")
    void relayWindowsAreExpectedAirtime() throws Exception {
        long relaying = world.speaker("Cụm loa trung tâm");
        long never = world.speaker("Cụm loa xóm Bãi");
        HttpApi.Answer source = world.api.post("/api/v1/sources", new JsonObject().put("name", "Đài tỉnh")
                .put("url", "http://127.0.0.1:18299/tinh.mp3"));
        assertThat(source.status()).as(source.body()).isBetween(200, 201);
        Instant at = Instant.ofEpochMilli(world.clock.millis()).plus(Duration.ofMinutes(2));
        JsonObject body = world.campaignBody("Tiếp sóng Đài tỉnh", "NORMAL", new JsonArray().add(new JsonObject()
                .put("mode", "STREAM").put("sourceId", source.json().getLong("id")).put("windowMinutes", 30)
                .put("at", new JsonArray().add(java.time.LocalDateTime.ofInstant(
                        at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), PlanWorld.ZONE).toString()))));
        body.put("playlist", new JsonArray());
        HttpApi.Answer created = world.api.post("/api/v1/campaigns", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long campaign = created.json().getLong("id");
        world.approve(campaign);
        LocalDate today = world.today();
        Eventually.within(Duration.ofSeconds(10), () -> {
            for (long e : List.of(relaying, never)) {
                JsonObject item = byCampaign(world.plan(e, today, today.plusDays(1)).getJsonArray("items"),
                        "Tiếp sóng Đài tỉnh");
                assertThat(item.getString("mode")).isEqualTo("STREAM");
                assertThat(item.getLong("end") - item.getLong("start")).isEqualTo(Duration.ofMinutes(30).toMillis());
            }
        });

        SignedAgent agent = new SignedAgent(world.controller.baseUrl());
        String code = world.api.post("/api/v1/endpoints/" + relaying + "/enrollment-code", "{}").json()
                .getString("code");
        assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
        JsonObject entry = agent.get("/agent/v1/timeline").json().getJsonArray("entries").stream()
                .map(JsonObject.class::cast).filter(e -> "STREAM".equals(e.getString("mode"))).findFirst()
                .orElseThrow();
        long start = entry.getLong("start");
        long end = entry.getLong("end");
        long onAir = Duration.ofMinutes(25).toMillis();
        RecordChain chain = new RecordChain(agent.key());
        SignedAgent.Reply stored = agent.postPlays(new JsonArray().add(chain.nextStream(entry.getString("id"),
                campaign, "NORMAL", vn.bantin.security.Sha256.hex(entry.getJsonObject("stream").getString("url")),
                start, start, end, "PLAYED", null, onAir, new JsonArray().add(new JsonObject().put("from", start + 60_000)
                        .put("to", start + 360_000).put("reason", "luồng bị cắt / stream cut").putNull("fallback")))));
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
        world.clock.advance(Duration.ofMinutes(40));

        Eventually.within(Duration.ofSeconds(20), () -> {
            JsonObject report = world.api.get("/api/v1/reports?period=month&areaId=" + world.areaId).json();
            JsonObject row = report.getJsonArray("campaigns").stream().map(JsonObject.class::cast)
                    .filter(r -> "Tiếp sóng Đài tỉnh".equals(r.getString("name"))).findFirst().orElseThrow();
            JsonObject loops = row.getJsonObject("loops");
            assertThat(loops.getLong("expectedAirtimeMs")).as(row.encode()).isEqualTo(Duration.ofMinutes(60).toMillis());
            assertThat(loops.getLong("notDeliveredAirtimeMs")).isEqualTo(Duration.ofMinutes(30).toMillis());
            assertThat(loops.getLong("playedAirtimeMs")).isEqualTo(onAir);
            assertThat(row.getLong("airtimeMs")).isEqualTo(onAir);
            assertThat(loops.getDouble("completionRate")).isCloseTo(25 / 60.0, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    private static JsonObject byCampaign(JsonArray items, String name) {
        return items.stream().map(JsonObject.class::cast)
                .filter(i -> name.equals(i.getJsonObject("names").getString("campaign"))).findFirst()
                .orElseThrow(() -> new AssertionError("no item of " + name + " in " + items.encode()));
    }

    private static LocalTime localTime(long ms) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(ms), PlanWorld.ZONE).toLocalTime();
    }

    private static LocalDate localDay(long ms) {
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(ms), PlanWorld.ZONE).toLocalDate();
    }
}
