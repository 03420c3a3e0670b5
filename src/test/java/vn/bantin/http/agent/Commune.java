package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A real controller with one commune, set up through the management API, and agents enrolled into it. */
final class Commune implements AutoCloseable {

    /** An agent bound to an ACTIVE endpoint, with the controller key it pinned on enrollment. */
    record Enrolled(SignedAgent agent, long endpointId, byte[] controllerKey) {
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    final TestController controller;
    final HttpApi api;
    final long areaId;
    private final Path dir;

    private Commune(TestController controller, Path dir) {
        this(controller, dir, controller.api().post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")
                .put("zone", ZONE.getId())).json().getLong("id"));
    }

    private Commune(TestController controller, Path dir, long areaId) {
        this.controller = controller;
        this.api = controller.api();
        this.dir = dir;
        this.areaId = areaId;
    }

    /** The same controller stopped and started again on its data dir, port and admin token. */
    Commune restart() throws Exception {
        controller.close();
        return new Commune(TestController.start(dir.resolve("data"), controller.port(), 64L * 1024 * 1024,
                controller.token()), dir, areaId);
    }

    static Commune start(Path dir) throws Exception {
        return new Commune(TestController.start(dir.resolve("data")), dir);
    }

    /** With these config keys (as in the properties file) over the test defaults. */
    static Commune start(Path dir, Map<String, String> keys) throws Exception {
        Map<String, String> all = new HashMap<>(keys);
        all.put(ConfigLoader.DATA_DIR, dir.resolve("data").toString());
        return new Commune(TestController.start(all), dir);
    }

    SignedAgent newAgent() {
        return new SignedAgent(controller.baseUrl());
    }

    long endpoint(String kind) {
        return api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa tổ dân phố 3")
                .put("kind", kind).put("areaId", areaId)).json().getLong("id");
    }

    String code(long endpointId) {
        return api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json().getString("code");
    }

    /** A new speaker endpoint with a fresh agent enrolled into it by one-time code. */
    Enrolled enrolledSpeaker() {
        return enrolled("SPEAKER");
    }

    /** A new endpoint of that kind with a fresh agent enrolled into it by one-time code. */
    Enrolled enrolled(String kind) {
        long endpointId = endpoint(kind);
        SignedAgent agent = newAgent();
        SignedAgent.Reply reply = agent.enroll(kind, code(endpointId));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("ACTIVE");
        byte[] controllerKey = Base64.getDecoder().decode(reply.json().getString("controllerPublicKey"));
        return new Enrolled(agent, endpointId, controllerKey);
    }

    JsonArray endpoints() {
        return api.get("/api/v1/endpoints").array();
    }

    JsonObject endpointView(long id) {
        return api.get("/api/v1/endpoints/" + id).json();
    }

    /** An uploaded and approved tone; returns the asset JSON (id, sha256, sizeBytes). */
    JsonObject toneAsset(double seconds) throws Exception {
        return api.approvedAsset(Ffmpeg.tone(dir, "ban-tin-" + seconds + ".wav", seconds));
    }

    /** An approved ONCE bulletin for the commune at {@code start}; returns its campaign id. */
    long bulletinAt(long assetId, Instant start) {
        LocalDate today = LocalDate.now(ZONE);
        String at = LocalDateTime.ofInstant(start.truncatedTo(ChronoUnit.SECONDS), ZONE).toString();
        HttpApi.Answer created = api.post("/api/v1/campaigns", new JsonObject().put("name", "Bản tin sáng")
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE")
                        .put("at", new JsonArray().add(at))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(areaId))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getLong("id");
        assertThat(api.post("/api/v1/campaigns/" + id + "/approve", "{}").status()).isEqualTo(200);
        return id;
    }

    @Override
    public void close() {
        controller.close();
    }
}
