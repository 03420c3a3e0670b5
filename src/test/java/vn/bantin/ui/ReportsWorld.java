package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.access.Role;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.RecordChain;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province of two communes with a loudspeaker cluster each (population and households entered), and one
 * bulletin per commune on its own topic, due a few seconds after the world is made: played to the end in Phường
 * Hồng Gai, missed in Xã Quảng La. A report of today then has figures, exceptions, evidence and chart data.
 */
final class ReportsWorld implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String PLAYED_CAMPAIGN = "Tuyên truyền Nghị quyết 57";
    static final String MISSED_CAMPAIGN = "Phòng chống cháy rừng mùa khô";

    private record Speaker(long endpointId, SignedAgent agent, RecordChain chain) {
    }

    final TestController controller;
    final HttpApi api;
    final long province;
    final long hongGai;
    final long quangLa;
    private final Path dir;
    private final Speaker hongGaiSpeaker;
    private final Speaker quangLaSpeaker;

    ReportsWorld(Path dir) throws Exception {
        vn.bantin.support.ClearOfMidnight.ensure(java.time.Duration.ofMinutes(5));
        this.dir = dir;
        controller = TestController.start(dir.resolve("data"));
        api = controller.api();
        province = area("Tỉnh Quảng Ninh", null, 1_400_000);
        hongGai = area("Phường Hồng Gai", province, 20_000);
        quangLa = area("Xã Quảng La", province, 6_000);
        hongGaiSpeaker = speaker("Cụm loa tổ 5 Hồng Gai", hongGai, 400);
        quangLaSpeaker = speaker("Cụm loa thôn Khe Cát", quangLa, 150);
        long playedAsset = asset(hongGai);
        long missedAsset = asset(quangLa);
        // due once both plans are made and pulled: the plan is recorded when a timeline is compiled, from then on
        Instant due = Instant.now().plusSeconds(4);
        long played = bulletin(PLAYED_CAMPAIGN, "Chuyển đổi số", hongGai, playedAsset, due);
        long missed = bulletin(MISSED_CAMPAIGN, "Phòng cháy chữa cháy", quangLa, missedAsset, due);
        JsonObject playedEntry = onlyEntry(hongGaiSpeaker);
        JsonObject missedEntry = onlyEntry(quangLaSpeaker);
        long start = playedEntry.getLong("start");
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(System.currentTimeMillis())
                .isGreaterThan(Math.max(start, missedEntry.getLong("start")) + 100));
        upload(hongGaiSpeaker, hongGaiSpeaker.chain().next(playedEntry.getString("id"), played, "ONCE",
                sha(playedEntry), start, start + 20, start + 1_020, "PLAYED", null));
        upload(quangLaSpeaker, quangLaSpeaker.chain().next(missedEntry.getString("id"), missed, "ONCE",
                sha(missedEntry), missedEntry.getLong("start"), null, null, "MISSED", "tệp chưa tải xong"));
    }

    /** A viewer and an admin over the province, as {role: {username, password}}. */
    JsonObject people() {
        JsonObject out = new JsonObject();
        for (Role role : List.of(Role.VIEWER, Role.ADMIN)) {
            String username = "bc-" + role.name().toLowerCase();
            out.put(role.name(), new JsonObject().put("username", username)
                    .put("password", controller.createUser(username, role, province)));
        }
        return out;
    }

    private long area(String name, Long parent, long population) {
        JsonObject body = new JsonObject().put("name", name).put("parentId", parent);
        if (parent == null) {
            body.put("zone", ZONE.getId());
        }
        long id = api.post("/api/v1/areas", body).json().getLong("id");
        HttpApi.Answer a = api.put("/api/v1/areas/" + id + "/population", new JsonObject().put("population", population));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return id;
    }

    private Speaker speaker(String name, long areaId, long households) {
        long id = api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", areaId)).json().getLong("id");
        assertThat(api.put("/api/v1/endpoints/" + id + "/households", new JsonObject().put("households", households))
                .status()).isEqualTo(200);
        String code = api.post("/api/v1/endpoints/" + id + "/enrollment-code", "{}").json().getString("code");
        SignedAgent agent = new SignedAgent(controller.baseUrl());
        SignedAgent.Reply reply = agent.enroll("SPEAKER", code);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return new Speaker(id, agent, new RecordChain(agent.key()));
    }

    private long asset(long areaId) throws Exception {
        return api.approvedAsset(Ffmpeg.tone(dir, "ban-tin-" + areaId + ".wav", 1)).getLong("id");
    }

    private long bulletin(String name, String topic, long areaId, long assetId, Instant start) {
        LocalDate today = LocalDate.now(ZONE);
        String at = LocalDateTime.ofInstant(start.truncatedTo(ChronoUnit.SECONDS), ZONE).toString();
        HttpApi.Answer created = api.post("/api/v1/campaigns", new JsonObject().put("name", name).put("topic", topic)
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("at", new JsonArray().add(at))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(areaId))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getLong("id");
        assertThat(api.post("/api/v1/campaigns/" + id + "/approve", "{}").status()).isEqualTo(200);
        return id;
    }

    private static JsonObject onlyEntry(Speaker s) {
        SignedAgent.Reply timeline = s.agent().get("/agent/v1/timeline");
        assertThat(timeline.status()).as(timeline.text()).isEqualTo(200);
        JsonArray entries = timeline.json().getJsonArray("entries");
        assertThat(entries).hasSize(1);
        return entries.getJsonObject(0);
    }

    private static String sha(JsonObject entry) {
        return entry.getJsonArray("items").getJsonObject(0).getString("sha256");
    }

    private static void upload(Speaker s, JsonObject record) {
        SignedAgent.Reply r = s.agent().postPlays(new JsonArray().add(record));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    @Override
    public void close() {
        controller.close();
    }
}
