package vn.bantin.media;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Media pipeline through the API: TTS, resumable uploads, jobs and their progress, failures in words")
class MediaPipelineApiTest {

    private static final long LIMIT = 8L * 1024 * 1024;
    private static final String TEXT = "Thông báo của Ủy ban nhân dân phường: sáng mai, từ bảy giờ đến mười một giờ,"
            + " khu phố ba tạm ngừng cấp điện để sửa chữa đường dây. Đề nghị bà con chủ động sắp xếp công việc.";

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"), 0, LIMIT);
        api = controller.api();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("Vietnamese text becomes a speaker rendition at −16 LUFS; waveform preview, loudness and jobs shown")
    void textToSpeech() throws Exception {
        HttpApi.Answer made = api.post("/api/v1/tts", new JsonObject().put("text", TEXT).put("voice", "south")
                .put("name", "Thông báo cắt điện"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().getString("kind")).isEqualTo("AUDIO");
        assertThat(made.json().getString("name")).isEqualTo("Thông báo cắt điện");
        assertThat(made.json().getLong("durationMs")).isGreaterThan(5000);

        JsonObject asset = api.processed(made.json().getLong("id"));
        assertThat(asset.getJsonObject("loudness").getDouble("integratedLufs")).isLessThan(0);
        JsonObject speech = rendition(asset, "speaker-speech");
        assertThat(speech.getString("audioCodec")).isEqualTo("mp3");
        assertThat(speech.getString("url")).isEqualTo("/agent/v1/media/" + speech.getString("sha256"));
        Path stored = controller.config().mediaDir().resolve("media")
                .resolve(speech.getString("sha256").substring(0, 2)).resolve(speech.getString("sha256"));
        Inspect.Ebur128 loud = Inspect.ebur128(stored);
        assertThat(loud.integratedLufs()).isBetween(-17.0, -15.0);
        assertThat(loud.truePeakDbtp()).isLessThanOrEqualTo(-1.5);
        assertThat(Inspect.stream(stored, "a").getInteger("channels")).isEqualTo(1);

        assertThat(asset.getJsonArray("jobs")).hasSize(2);
        long jobId = asset.getJsonArray("jobs").getJsonObject(1).getLong("id");
        JsonObject job = api.get("/api/v1/jobs/" + jobId).json();
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInteger("progress")).isEqualTo(100);

        HttpResponse<byte[]> thumb = http.send(authed(asset.getString("thumbnailUrl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(thumb.statusCode()).isEqualTo(200);
        assertThat(thumb.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(Arrays.copyOf(thumb.body(), 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    @DisplayName("whoever hears that an asset's last job is done finds the asset READY when asking for it")
    void lastJobDoneMeansReady() throws Exception {
        List<JsonObject> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable unsubscribe = controller.controller().services().jobs().subscribe(job -> {
            // asked on the thread that published, before it goes on: what a browser would see at worst
            if (job.finished()) {
                heard.add(api.get("/api/v1/assets/" + job.assetId()).json());
            }
        });
        try {
            HttpApi.Answer made = api.post("/api/v1/tts", new JsonObject().put("text", TEXT).put("voice", "north"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            api.processed(made.json().getLong("id"));
            until(Duration.ofSeconds(10), () -> heard, h -> h.stream().anyMatch(MediaPipelineApiTest::allJobsDone));
        } finally {
            unsubscribe.run();
        }
        assertThat(heard).filteredOn(MediaPipelineApiTest::allJobsDone)
                .allSatisfy(asset -> assertThat(asset.getString("status")).as(asset.encode()).isEqualTo("READY"));
    }

    private static boolean allJobsDone(JsonObject asset) {
        return asset.getJsonArray("jobs").stream().map(JsonObject.class::cast)
                .allMatch(j -> "DONE".equals(j.getString("state")));
    }

    @Test
    @DisplayName("TTS refuses empty text, text over 5000 characters and unknown voices, in words")
    void textToSpeechRefusals() {
        assertThat(api.post("/api/v1/tts", new JsonObject().put("text", "  ")).json().getString("code"))
                .isEqualTo("empty_text");
        HttpApi.Answer tooLong = api.post("/api/v1/tts", new JsonObject().put("text", "a".repeat(5001)));
        assertThat(tooLong.json().getString("code")).isEqualTo("too_long");
        assertThat(tooLong.json().getString("error")).contains("'text'").contains("5000");
        HttpApi.Answer voice = api.post("/api/v1/tts", new JsonObject().put("text", "Xin chào").put("voice", "hue"));
        assertThat(voice.status()).isEqualTo(400);
        assertThat(voice.json().getString("error")).contains("north");
        assertThat(api.get("/api/v1/assets").array()).isEmpty();
    }

    @Test
    @DisplayName("a resumable upload survives a dropped connection, refuses a wrong offset, and ingests on finish")
    void resumableUpload() throws Exception {
        byte[] file = Files.readAllBytes(TestMedia.mp4(dir, "clip.mp4", 2, true));
        JsonObject session = api.post("/api/v1/uploads", new JsonObject()
                .put("name", "../../etc/Bản tin Nghị quyết 57 – phường Hồng Hà.mp4").put("size", file.length)).json();
        String url = "/api/v1/uploads/" + session.getString("id");
        int half = file.length / 2;

        dropMidway(url, Arrays.copyOf(file, half), file.length);
        // how much of a dropped connection reached the disk depends on timing; 0 is a valid place to resume from
        long kept = until(Duration.ofSeconds(5), () -> settledOffset(url), n -> n >= 0);
        assertThat(kept).isLessThanOrEqualTo(half);

        HttpResponse<String> wrong = put(url, Arrays.copyOfRange(file, 0, 10), kept + 10, file.length);
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(new JsonObject(wrong.body()).getLong("offset")).isEqualTo(kept);

        HttpResponse<String> rest = put(url, Arrays.copyOfRange(file, (int) kept, file.length), kept, file.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);
        assertThat(new JsonObject(rest.body()).getLong("offset")).isEqualTo(file.length);

        HttpApi.Answer done = api.post(url + "/finish", "{}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        assertThat(done.json().getString("name")).isEqualTo("Bản tin Nghị quyết 57 – phường Hồng Hà.mp4");
        assertThat(done.json().getString("kind")).isEqualTo("VIDEO");
        assertThat(api.processed(done.json().getLong("id")).getJsonArray("renditions")).hasSize(4);
        assertThat(partialFiles()).isEmpty();
        assertThat(api.get(url).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a truncated MP4 or a zero-byte file finished through a resumable upload is refused, leaving nothing")
    void resumableRefusals() throws Exception {
        byte[] whole = Files.readAllBytes(TestMedia.mp4(dir, "whole.mp4", 3, false));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        String url = "/api/v1/uploads/" + api.post("/api/v1/uploads", new JsonObject().put("name", "cut.mp4")).json()
                .getString("id");
        assertThat(put(url, half, 0, half.length).statusCode()).isEqualTo(200);
        HttpApi.Answer refused = api.post(url + "/finish", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().getString("error")).contains("/");

        String empty = "/api/v1/uploads/" + api.post("/api/v1/uploads", new JsonObject().put("name", "e.mp3")).json()
                .getString("id");
        assertThat(api.post(empty + "/finish", "{}").json().getString("error")).contains("rỗng");

        assertThat(api.post("/api/v1/uploads", new JsonObject().put("name", "big.mp4").put("size", LIMIT + 1))
                .status()).isEqualTo(413);
        assertThat(partialFiles()).isEmpty();
        assertThat(storedFiles()).isEmpty();
        assertThat(api.get("/api/v1/assets").array()).isEmpty();
    }

    @Test
    @DisplayName("a real MP3 named .mp4 is taken for what it is: AUDIO")
    void wrongExtension() throws Exception {
        HttpApi.Answer up = api.upload(TestMedia.mp3(dir, "bulletin.mp3", 3), "bulletin.mp4");
        assertThat(up.status()).isEqualTo(201);
        assertThat(up.json().getString("kind")).isEqualTo("AUDIO");
        assertThat(rendition(api.processed(up.json().getLong("id")), "speaker-speech")).isNotNull();
    }

    @Test
    @DisplayName("silent audio is accepted as a file but its speaker rendition fails: asset FAILED, reason in words")
    void silentAudioFails() throws Exception {
        long id = api.upload(TestMedia.silence(dir, "quiet.wav", 3), "quiet.wav").json().getLong("id");
        JsonObject failed = until(Duration.ofSeconds(30), () -> api.get("/api/v1/assets/" + id).json(),
                a -> "FAILED".equals(a.getString("status")));
        assertThat(failed.getString("failureReason")).contains("speaker-speech").contains("im lặng")
                .contains("silent");
        assertThat(failed.getJsonArray("renditions")).isEmpty();
        until(Duration.ofSeconds(10), this::workFiles, List::isEmpty);
    }

    @Test
    @DisplayName("job progress is pushed as server-sent events, ending in DONE at 100 %")
    void progressStream() throws Exception {
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(authed("/api/v1/jobs/stream")
                .build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> res = stream.get(5, TimeUnit.SECONDS);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        CompletableFuture<List<JsonObject>> events = CompletableFuture.supplyAsync(() -> res.body()
                .filter(l -> l.startsWith("data: ")).map(l -> new JsonObject(l.substring(6)))
                .takeWhile(j -> !("DONE".equals(j.getString("state")) && j.getString("task").startsWith("screen-1920")))
                .toList());
        api.upload(TestMedia.clip(dir, "v.mp4", 640, 360, 25, 3, true), "v.mp4");
        List<JsonObject> seen = events.get(60, TimeUnit.SECONDS);
        assertThat(seen).extracting(j -> j.getString("state")).contains("QUEUED", "RUNNING");
        assertThat(seen).anySatisfy(j -> assertThat(j.getInteger("progress")).isBetween(1, 99));
        res.body().close();
    }

    @Test
    @DisplayName("jobs cut short by a controller restart run again; the asset ends READY with every rendition")
    void jobsResumeAfterRestart() throws Exception {
        long id = api.upload(TestMedia.clip(dir, "long.mp4", 1280, 720, 25, 4, true), "long.mp4").json()
                .getLong("id");
        controller.close();
        controller = TestController.start(dir.resolve("data"), 0, LIMIT, controller.token());
        api = controller.api();
        JsonObject asset = api.processed(id);
        assertThat(asset.getJsonArray("renditions")).hasSize(4);
        assertThat(asset.getJsonArray("jobs")).allSatisfy(j -> assertThat(((JsonObject) j).getString("state"))
                .isEqualTo("DONE"));
        assertThat(workFiles()).isEmpty();
    }

    @FunctionalInterface
    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls until the value satisfies ok, or fails with the last value seen. */
    private static <T> T until(Duration limit, Probe<T> probe, java.util.function.Predicate<T> ok) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = probe.get();
        while (!ok.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not there after " + limit + ": " + last);
            }
            Thread.sleep(50);
            last = probe.get();
        }
        return last;
    }

    private static JsonObject rendition(JsonObject asset, String profile) {
        return asset.getJsonArray("renditions").stream().map(o -> (JsonObject) o)
                .filter(r -> profile.equals(r.getString("profile"))).findFirst().orElse(null);
    }

    private long offset(String url) throws Exception {
        HttpResponse<Void> head = http.send(authed(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** The offset once the server has stopped receiving the dropped request. */
    private long settledOffset(String url) throws Exception {
        long before = offset(url);
        Thread.sleep(200);
        long after = offset(url);
        return before == after ? after : -1;
    }

    private HttpResponse<String> put(String url, byte[] body, long start, long total) throws Exception {
        return http.send(authed(url).header("Content-Range", "bytes " + start + "-" + (start + body.length - 1) + "/"
                        + total).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Announces the whole file, sends only part of it, and hangs up: a 3G link dropping. */
    private void dropMidway(String url, byte[] part, long total) throws IOException {
        try (Socket s = new Socket("127.0.0.1", controller.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + controller.token()
                    + "\r\nContent-Range: bytes 0-" + (total - 1) + "/" + total + "\r\nContent-Length: " + total
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.flush();
        }
    }

    private HttpRequest.Builder authed(String path) {
        return HttpRequest.newBuilder(URI.create(controller.baseUrl() + path))
                .header("Authorization", "Bearer " + controller.token());
    }

    private List<Path> partialFiles() throws IOException {
        return files(controller.config().uploadTempDir());
    }

    private List<Path> storedFiles() throws IOException {
        return files(controller.config().mediaDir());
    }

    private List<Path> workFiles() throws IOException {
        return files(controller.config().dataDir().resolve("work"));
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
