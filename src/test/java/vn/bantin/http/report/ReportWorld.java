package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.RecordChain;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

/**
 * A province with one commune of two hamlets, a speaker in each, set up through the management API: population
 * 10,000 in the commune, 3,000 and 2,000 in the hamlets, 200 and 100 households served by the speakers.
 */
final class ReportWorld implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    record Speaker(long endpointId, SignedAgent agent, RecordChain chain) {
    }

    final TestController controller;
    final HttpApi api;
    final long province;
    final long commune;
    final long east;
    final long west;
    final Speaker eastSpeaker;
    final Speaker westSpeaker;
    private final Path dir;

    ReportWorld(Path dir) throws Exception {
        this(dir, TestController.start(dir.resolve("data")));
    }

    /** The same world on a controller started with these settings and this clock (live sessions, presence). */
    ReportWorld(Path dir, java.util.Map<String, String> settings, java.time.Clock clock) throws Exception {
        this(dir, TestController.start(withDataDir(dir, settings), clock));
    }

    private static java.util.Map<String, String> withDataDir(Path dir, java.util.Map<String, String> settings) {
        java.util.Map<String, String> all = new java.util.HashMap<>(settings);
        all.put(vn.bantin.config.ConfigLoader.DATA_DIR, dir.resolve("data").toString());
        return all;
    }

    private ReportWorld(Path dir, TestController controller) throws Exception {
        vn.bantin.support.ClearOfMidnight.ensure(java.time.Duration.ofMinutes(5));
        this.dir = dir;
        this.controller = controller;
        api = controller.api();
        province = area("Tỉnh Ninh Bình", null);
        commune = area("Xã Gia Viên", province);
        east = area("Thôn Đông", commune);
        west = area("Thôn Tây", commune);
        population(commune, 10_000);
        population(east, 3_000);
        population(west, 2_000);
        eastSpeaker = speaker("Cụm loa thôn Đông", east, 200);
        westSpeaker = speaker("Cụm loa thôn Tây", west, 100);
    }

    private long area(String name, Long parent) {
        JsonObject body = new JsonObject().put("name", name).put("parentId", parent);
        if (parent == null) {
            body.put("zone", ZONE.getId());
        }
        return api.post("/api/v1/areas", body).json().getLong("id");
    }

    void population(long areaId, long people) {
        HttpApi.Answer a = api.put("/api/v1/areas/" + areaId + "/population", new JsonObject().put("population", people));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    Speaker speaker(String name, long areaId, long households) {
        long id = api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", areaId)).json().getLong("id");
        HttpApi.Answer h = api.put("/api/v1/endpoints/" + id + "/households", new JsonObject().put("households",
                households));
        assertThat(h.status()).as(h.body()).isEqualTo(200);
        String code = api.post("/api/v1/endpoints/" + id + "/enrollment-code", "{}").json().getString("code");
        SignedAgent agent = new SignedAgent(controller.baseUrl());
        SignedAgent.Reply reply = agent.enroll("SPEAKER", code);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return new Speaker(id, agent, new RecordChain(agent.key()));
    }

    /** An approved bulletin for the whole commune, due {@code leadSeconds} after its asset is ready; its id. */
    long bulletin(String name, String topic, int leadSeconds) throws Exception {
        return bulletin(name, topic, leadSeconds, 1);
    }

    /** The same, with a bulletin {@code seconds} long. */
    long bulletin(String name, String topic, int leadSeconds, int seconds) throws Exception {
        JsonObject asset = api.approvedAsset(Ffmpeg.tone(dir, "ban-tin.wav", seconds));
        HttpApi.Answer created = api.post("/api/v1/campaigns", bulletinBody(name, topic, asset.getLong("id"),
                Instant.now().plusSeconds(leadSeconds)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getLong("id");
        assertThat(api.post("/api/v1/campaigns/" + id + "/approve", "{}").status()).isEqualTo(200);
        return id;
    }

    /** A bulletin campaign for the whole commune, one broadcast at {@code start}, as created or replaced. */
    JsonObject bulletinBody(String name, String topic, long assetId, Instant start) {
        LocalDate today = LocalDate.now(ZONE);
        String at = LocalDateTime.ofInstant(start.truncatedTo(ChronoUnit.SECONDS), ZONE).toString();
        return new JsonObject().put("name", name).put("topic", topic)
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("at", new JsonArray().add(at))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune)));
    }

    /** The speaker's only ONCE entry of its timeline, as pulled. */
    static JsonObject onlyEntry(Speaker s) {
        SignedAgent.Reply timeline = s.agent().get("/agent/v1/timeline");
        assertThat(timeline.status()).as(timeline.text()).isEqualTo(200);
        JsonArray entries = timeline.json().getJsonArray("entries");
        assertThat(entries).hasSize(1);
        return entries.getJsonObject(0);
    }

    /** The bulletin, due a few seconds from now, played to the end in Thôn Đông and missed in Thôn Tây. */
    long bulletinPlayedEastMissedWest() throws Exception {
        long campaign = bulletin("Tuyên truyền Nghị quyết 57", "Chuyển đổi số", 6);
        JsonObject eastEntry = onlyEntry(eastSpeaker);
        JsonObject westEntry = onlyEntry(westSpeaker);
        long start = eastEntry.getLong("start");
        String sha = eastEntry.getJsonArray("items").getJsonObject(0).getString("sha256");
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(System.currentTimeMillis())
                .isGreaterThan(start + 100));
        upload(eastSpeaker, eastSpeaker.chain().next(eastEntry.getString("id"), campaign, "ONCE", sha, start,
                start + 20, start + 1_020, "PLAYED", null));
        upload(westSpeaker, westSpeaker.chain().next(westEntry.getString("id"), campaign, "ONCE", sha, start, null,
                null, "MISSED", "tệp chưa tải xong"));
        return campaign;
    }

    static void upload(Speaker s, JsonObject... records) {
        SignedAgent.Reply r = s.agent().postPlays(new JsonArray(java.util.List.of((Object[]) records)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().getInteger("stored")).as(r.text()).isEqualTo(records.length);
    }

    @Override
    public void close() {
        controller.close();
    }
}
