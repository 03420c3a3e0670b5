package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.access.Role;
import vn.bantin.security.Sha256;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real controller with a province, one commune and one loudspeaker cluster whose agent is enrolled, a
 * bulletin campaign the commune's editor made and an admin approved, and what the agent says to the
 * controller (heartbeats, plays).
 */
final class CommuneWorld implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String SPEAKER = "Cụm loa tổ 5";
    static final String CAMPAIGN = "Bản tin Nghị quyết 57";
    static final String CONTENT = "ban-tin-sang.wav";
    static final String JINGLE = "nhac-hieu.wav";

    final Path dir;
    final Path dataDir;
    TestController controller;
    HttpApi api;
    final long provinceId;
    final long communeId;
    final long endpointId;
    final SignedAgent agent;
    final JsonObject asset;
    private long seq;
    private String previousHash;

    CommuneWorld(Path dir) throws Exception {
        vn.bantin.support.ClearOfMidnight.ensure(java.time.Duration.ofMinutes(5));
        this.dir = dir;
        dataDir = dir.resolve("data");
        controller = TestController.start(dataDir);
        api = controller.api();
        provinceId = api.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Quảng Ninh").put("zone", ZONE.getId()))
                .json().getLong("id");
        communeId = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Hồng Gai").put("parentId", provinceId))
                .json().getLong("id");
        endpointId = api.post("/api/v1/endpoints", new JsonObject().put("name", SPEAKER).put("kind", "SPEAKER")
                .put("areaId", communeId)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json().getString("code");
        agent = new SignedAgent(controller.baseUrl());
        assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
        HttpApi editor = controller.as(Role.EDITOR, communeId);
        HttpApi.Answer uploaded = editor.upload(Ffmpeg.tone(dir, CONTENT, 3), CONTENT);
        assertThat(uploaded.status()).as(uploaded.body()).isLessThan(300);
        long assetId = uploaded.json().getLong("id");
        api.post("/api/v1/assets/" + assetId + "/approve", "{}");
        asset = api.processed(assetId);
        LocalDate today = LocalDate.now(ZONE);
        String at = laterToday(today).toString();
        HttpApi.Answer campaign = editor.post("/api/v1/campaigns", new JsonObject().put("name", CAMPAIGN)
                .put("startDate", today.toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset.getLong("id"))))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("at", new JsonArray().add(at))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(communeId))));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        api.post("/api/v1/campaigns/" + campaign.json().getLong("id") + "/approve", "{}");
    }

    /**
     * An approved LOOP window starting 3 s from now for {@code minutes}: the 3 s bulletin, then a 2 s jingle, over and
     * over, on the commune's loudspeaker. Returns the campaign id.
     */
    long loopNow(String name, int minutes) throws Exception {
        HttpApi editor = controller.as(Role.EDITOR, communeId);
        HttpApi.Answer uploaded = editor.upload(Ffmpeg.tone(dir, JINGLE, 2), JINGLE);
        assertThat(uploaded.status()).as(uploaded.body()).isLessThan(300);
        long jingleId = uploaded.json().getLong("id");
        api.post("/api/v1/assets/" + jingleId + "/approve", "{}");
        api.processed(jingleId);
        LocalDate today = LocalDate.now(ZONE);
        String start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(3).toString();
        HttpApi.Answer campaign = editor.post("/api/v1/campaigns", new JsonObject().put("name", name)
                .put("startDate", today.toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset.getLong("id")))
                        .add(new JsonObject().put("assetId", jingleId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "LOOP").put("windowMinutes", minutes)
                        .put("at", new JsonArray().add(start))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(communeId))));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        long id = campaign.json().getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        return id;
    }

    /**
     * The provincial station registered as a source and an approved PRIORITY campaign relaying it from 3 s from now
     * for {@code minutes} on the commune's loudspeaker (over the NORMAL loop). Returns the campaign id.
     */
    long relayNow(String station, int minutes) {
        HttpApi editor = controller.as(Role.EDITOR, communeId);
        HttpApi.Answer source = editor.post("/api/v1/sources", new JsonObject().put("name", station)
                .put("url", "http://127.0.0.1:18799/tinh.ogg"));
        assertThat(source.status()).as(source.body()).isEqualTo(201);
        LocalDate today = LocalDate.now(ZONE);
        String start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(3).toString();
        HttpApi.Answer campaign = editor.post("/api/v1/campaigns", new JsonObject().put("name", "Tiếp sóng buổi sáng")
                .put("class", "PRIORITY").put("startDate", today.toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray())
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "STREAM").put("windowMinutes", minutes)
                        .put("sourceId", source.json().getLong("id")).put("at", new JsonArray().add(start))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(communeId))));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        long id = campaign.json().getLong("id");
        HttpApi.Answer approved = api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isLessThan(300);
        return id;
    }

    /** A heartbeat reporting the amplifier fault, still on ({@code active}) or cleared since the last heartbeat. */
    void heartbeatAmplifier(boolean active) {
        long now = System.currentTimeMillis();
        var reply = agent.post("/agent/v1/heartbeat", new JsonObject().put("agentTime", now)
                .put("uptimeMs", 1000).put("diskFreeBytes", 8_000_000_000L).put("cacheBytes", 1000)
                .put("volume", 80).put("version", "test").put("clockOffsetMs", 0).put("spooledRecords", 0)
                .putNull("nowPlaying").put("faults", new JsonArray().add(new JsonObject().put("code", "amp_failed")
                        .put("detail", "GPIO 17 did not switch").put("at", now - 1000).put("active", active))));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    /** One person per role in the commune (the admin over the province), as {role: {username, password}}. */
    JsonObject people() {
        return new JsonObject(RolePeople.perRole(controller, "ui-", provinceId, communeId));
    }

    JsonArray timeline() {
        var reply = agent.get("/agent/v1/timeline");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().getJsonArray("entries");
    }

    /** The first entry of the bulletin campaign the world starts with. */
    JsonObject firstEntry() {
        return timeline().stream().map(JsonObject.class::cast)
                .filter(e -> CAMPAIGN.equals(e.getString("campaign"))).findFirst().orElseThrow();
    }

    /** The agent's heartbeat saying it plays this entry now. */
    void heartbeat(JsonObject entry) {
        heartbeatPlaying(entry.getString("id"), entry.getJsonArray("items").getJsonObject(0).getString("sha256"));
    }

    /** A signed record of the entry played in full, just now, uploaded as the agent does. */
    void played(JsonObject entry) {
        JsonObject item = entry.getJsonArray("items").getJsonObject(0);
        long start = System.currentTimeMillis() - 4_000;
        seq++;
        String payload = new JsonObject().put("deviceId", agent.deviceId()).put("seq", seq)
                .put("prevHash", seq == 1 ? "0".repeat(64) : previousHash)
                .put("entryId", entry.getString("id")).put("campaignId", entry.getLong("campaignId"))
                .put("class", "NORMAL").put("mode", "ONCE").put("sha256", item.getString("sha256"))
                .put("scheduledStart", start).put("actualStart", start).put("actualEnd", start + 3000)
                .put("outcome", "PLAYED").putNull("reason").put("clockOffsetMs", 0)
                .put("timelineVersion", "0".repeat(64)).encode();
        previousHash = Sha256.hex(payload);
        var stored = agent.postPlays(new JsonArray().add(agent.signedRecord(payload)));
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);
    }

    /** Stops the controller and starts it again on the same data, port and admin token (agents keep their keys). */
    void restart() throws Exception {
        int port = controller.port();
        String token = controller.token();
        controller.close();
        controller = TestController.start(dataDir, port, 64L * 1024 * 1024, token);
        api = controller.api();
    }

    /** A heartbeat with every fact the agent reports (contract: POST /agent/v1/heartbeat), playing nothing. */
    void heartbeatWithFacts() {
        long now = System.currentTimeMillis();
        var reply = agent.post("/agent/v1/heartbeat", new JsonObject().put("agentTime", now).put("uptimeMs", 93_600_000)
                .put("bootedAt", now - 2 * 86_400_000L).put("diskFreeBytes", 8_000_000_000L)
                .put("diskTotalBytes", 32_000_000_000L).put("cacheBytes", 734_000_000).put("volume", 0)
                .put("masterVolume", 80).put("temperatureC", 48.5).put("version", "0.2.0").put("clockOffsetMs", -12)
                .put("spooledRecords", 0).put("mpv", "IDLE").putNull("nowPlaying")
                .put("sinceLastHeartbeat", new JsonObject().put("reboots", 0).put("restarts", 1).put("count", 2)
                        .put("ms", 95_000))
                .put("faults", new JsonArray().add(new JsonObject().put("code", "clock_jump")
                        .put("detail", "the system clock moved by 3600000 ms").put("at", now - 60_000)
                        .put("active", false))));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    /** Heartbeat saying it plays this entry (any entry of the timeline, alerts included) now. */
    void heartbeatPlaying(String entryId, String sha256) {
        var reply = agent.post("/agent/v1/heartbeat", new JsonObject().put("agentTime", System.currentTimeMillis())
                .put("uptimeMs", 1000).put("diskFreeBytes", 8_000_000_000L).put("cacheBytes", 1000)
                .put("volume", 80).put("version", "test").put("clockOffsetMs", 0).put("spooledRecords", 0)
                .put("nowPlaying", new JsonObject().put("entryId", entryId).put("sha256", sha256)
                        .put("since", System.currentTimeMillis())));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    @Override
    public void close() {
        controller.close();
    }

    /**
     * An hour from now, or the day's last minute when that hour would fall tomorrow: the dashboard's "today's
     * plan" lists only today's broadcasts, and the tests also run late in the evening in Vietnam.
     */
    private static LocalDateTime laterToday(LocalDate today) {
        LocalDateTime inAnHour = LocalDateTime.now(ZONE).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        return inAnHour.toLocalDate().equals(today) ? inAnHour : today.atTime(23, 59);
    }
}
