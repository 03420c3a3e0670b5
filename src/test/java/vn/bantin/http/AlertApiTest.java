package vn.bantin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SimulatedDevice;
import vn.bantin.support.TestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Alerts API and the agent push stream on a real controller")
class AlertApiTest {

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;
    long area;
    long speaker;
    long audio;
    long video;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        api = controller.api();
        area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Bình Sơn")
                .put("quietHours", new JsonObject().put("from", "00:00").put("to", "23:59"))).json().getLong("id");
        speaker = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa thôn 1").put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
        audio = api.upload(Ffmpeg.tone(dir, "canh-bao.wav", 3), "canh-bao.wav").json().getLong("id");
        video = api.upload(Ffmpeg.video(dir, "canh-bao.mp4", 2), "canh-bao.mp4").json().getLong("id");
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private JsonObject alert() {
        return new JsonObject().put("title", "Bão số 3: sơ tán ngay").put("audioAssetId", audio)
                .put("visualAssetId", video).put("targets", new JsonObject().put("areas", new JsonArray().add(area)));
    }

    private String refusal(JsonObject body) {
        HttpApi.Answer answer = api.post("/api/v1/alerts", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().getString("error")).isNotBlank();
        return answer.json().getString("code");
    }

    @Test
    @DisplayName("bad alerts are refused with a named reason and nothing is stored")
    void validation() {
        assertThat(refusal(alert().put("title", " "))).isEqualTo("bad_title");
        assertThat(refusal(alert().putNull("audioAssetId").putNull("visualAssetId"))).isEqualTo("no_asset");
        assertThat(refusal(alert().put("audioAssetId", 999))).isEqualTo("unknown_asset");
        assertThat(refusal(alert().put("audioAssetId", video))).isEqualTo("wrong_asset_kind");
        assertThat(refusal(alert().put("visualAssetId", audio))).isEqualTo("wrong_asset_kind");
        assertThat(refusal(alert().put("targets", new JsonObject()))).isEqualTo("no_targets");
        assertThat(refusal(alert().put("targets", new JsonObject().put("areas", new JsonArray().add(777)))))
                .isEqualTo("unknown_area");
        assertThat(refusal(alert().put("targets", new JsonObject().put("endpoints", new JsonArray().add(777)))))
                .isEqualTo("unknown_endpoint");
        assertThat(refusal(alert().put("repeat", 0))).isEqualTo("bad_field");
        assertThat(refusal(alert().put("repeat", 101).put("intervalSeconds", 60))).isEqualTo("bad_field");
        assertThat(refusal(alert().put("repeat", 3))).isEqualTo("bad_interval");
        assertThat(refusal(alert().put("repeat", 3).put("intervalSeconds", 2))).isEqualTo("bad_interval");
        Instant start = Instant.now().plusSeconds(600);
        assertThat(refusal(alert().put("startAt", start.toString()).put("endAt", start.minusSeconds(1).toString())))
                .isEqualTo("bad_end");
        assertThat(refusal(alert().put("startAt", "ngày mai"))).isEqualTo("bad_datetime");
        assertThat(refusal(alert().put("startAt", Instant.now().minusSeconds(3600).toString())))
                .isEqualTo("bad_start");
        assertThat(api.post("/api/v1/alerts", "{not json").status()).isEqualTo(400);
        assertThat(api.withoutToken().post("/api/v1/alerts", alert()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/alerts").array()).isEmpty();
        assertThat(api.withoutToken().get("/api/v1/openapi.json").json().getJsonObject("paths").fieldNames())
                .contains("/api/v1/alerts", "/api/v1/alerts/{id}", "/api/v1/alerts/{id}/cancel", "/agent/v1/stream");
    }

    @Test
    @DisplayName("an alert is issued at once (no approval), lands in the timeline as EMERGENCY despite quiet hours, and cancel removes it")
    void issueAndCancel() throws Exception {
        SimulatedDevice device = enrolled();
        long before = System.currentTimeMillis();
        HttpApi.Answer created = api.post("/api/v1/alerts", alert().put("repeat", 2).put("intervalSeconds", 600)
                .put("issuedBy", "Đài truyền thanh xã"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject alert = created.json();
        long id = alert.getLong("id");
        assertThat(alert.getString("status")).isEqualTo("ACTIVE");
        assertThat(alert.getString("createdBy")).isEqualTo("Đài truyền thanh xã");
        assertThat(alert.getLong("start") - alert.getLong("createdAt")).isEqualTo(2000L);
        assertThat(alert.getLong("createdAt")).isBetween(before, System.currentTimeMillis());
        assertThat(api.get("/api/v1/alerts").array()).hasSize(1);
        assertThat(api.get("/api/v1/alerts/" + id).json().getString("title")).isEqualTo("Bão số 3: sơ tán ngay");
        assertThat(api.get("/api/v1/alerts/999").status()).isEqualTo(404);

        List<JsonObject> entries = emergencies(device);
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).getLong("start")).isEqualTo(alert.getLong("start"));
        assertThat(entries.get(1).getLong("start")).isEqualTo(alert.getLong("start") + 600_000);
        assertThat(entries.get(0).getJsonArray("items").getJsonObject(0).getString("kind")).isEqualTo("AUDIO");

        HttpApi.Answer cancelled = api.post("/api/v1/alerts/" + id + "/cancel", new JsonObject().put("by", "Chủ tịch xã"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().getString("cancelledBy")).isEqualTo("Chủ tịch xã");
        assertThat(cancelled.json().getLong("cancelledAt")).isNotNull();
        assertThat(api.post("/api/v1/alerts/" + id + "/cancel", "{}").status()).isEqualTo(409);
        assertThat(emergencies(device)).isEmpty();
    }

    @Test
    @DisplayName("the push stream needs a signed upgrade, then carries timeline-changed and alert messages")
    void pushStream() throws Exception {
        SimulatedDevice device = enrolled();
        HttpClient http = HttpClient.newHttpClient();
        URI stream = URI.create(controller.baseUrl().replace("http", "ws") + "/agent/v1/stream");
        assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(stream, new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class);
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(controller.baseUrl()
                + "/agent/v1/stream")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(401);

        List<JsonObject> messages = new CopyOnWriteArrayList<>();
        Consumer<String> collect = text -> messages.add(new JsonObject(text));
        WebSocket ws = device.stream(collect).get(10, TimeUnit.SECONDS);
        long id = api.post("/api/v1/alerts", alert()).json().getLong("id");
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(messages).extracting(m -> m.getString("type"))
                .contains("timeline-changed", "alert"));
        JsonObject pushed = messages.stream().filter(m -> m.getString("type").equals("alert")).findFirst().orElseThrow();
        assertThat(pushed.getLong("alertId")).isEqualTo(id);
        assertThat(pushed.getString("status")).isEqualTo("ACTIVE");
        assertThat(device.pushViolations()).isEmpty();
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
    }

    private SimulatedDevice enrolled() throws Exception {
        String code = api.post("/api/v1/endpoints/" + speaker + "/enrollment-code", "{}").json().getString("code");
        SimulatedDevice device = new SimulatedDevice(HttpClient.newHttpClient(), controller.baseUrl());
        assertThat(device.enroll("SPEAKER", code).getString("status")).isEqualTo("ACTIVE");
        return device;
    }

    private List<JsonObject> emergencies(SimulatedDevice device) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(controller.baseUrl() + "/agent/v1/timeline")).GET();
        device.signed("GET", "/agent/v1/timeline", new byte[0]).forEach(b::header);
        HttpResponse<String> res = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return new JsonObject(res.body()).getJsonArray("entries").stream().map(o -> (JsonObject) o)
                .filter(e -> e.getString("class").equals("EMERGENCY")).toList();
    }
}
