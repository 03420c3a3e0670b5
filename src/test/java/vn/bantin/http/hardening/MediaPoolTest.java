package vn.bantin.http.hardening;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Long media work runs on its own pool: an alert stays fast under a burst of TTS and uploads")
class MediaPoolTest {

    private static final int TTS_REQUESTS = 25;

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString()));
        api = controller.api();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("25 text-to-speech requests and 3 uploads in flight; an alert is stored and answered at once")
    void alertDuringBurst() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Tịnh Khê")).json().getLong("id");
        long audio = api.upload(Ffmpeg.tone(dir, "bao.wav", 2), "bao.wav").json().getLong("id");
        Path clip = Ffmpeg.tone(dir, "clip.wav", 20);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < TTS_REQUESTS; i++) {
            String text = "Thông báo số " + i + ": " + "Đề nghị bà con chuẩn bị phòng chống bão. ".repeat(40);
            burst.add(http.sendAsync(json("/api/v1/tts", new JsonObject().put("text", text)),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 3; i++) {
            int n = i;
            burst.add(CompletableFuture.supplyAsync(() -> null).thenApply(x -> {
                api.upload(clip, "clip-" + n + ".wav");
                return null;
            }));
        }
        Thread.sleep(300);

        long started = System.nanoTime();
        HttpApi.Answer alert = api.post("/api/v1/alerts", new JsonObject().put("title", "Bão số 3")
                .put("audioAssetId", audio).put("targets", new JsonObject().put("areas", new JsonArray().add(area))));
        long alertMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long stillRunning = burst.stream().filter(f -> !f.isDone()).count();

        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        assertThat(stillRunning).as("media requests still in flight when the alert was answered").isPositive();
        assertThat(alertMs).as("alert latency under the media burst").isLessThan(2_000);
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        for (CompletableFuture<HttpResponse<String>> f : burst.subList(0, TTS_REQUESTS)) {
            assertThat(f.get().statusCode()).as(f.get().body()).isIn(200, 201);
        }
    }

    private HttpRequest json(String path, JsonObject body) {
        return HttpRequest.newBuilder(URI.create(controller.baseUrl() + path))
                .header("Authorization", "Bearer " + controller.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
    }
}
