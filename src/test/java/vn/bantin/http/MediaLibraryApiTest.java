package vn.bantin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.Ffmpeg;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("What the media library and campaign editor draw: tus uploads, media to play in the page, listening"
        + " to text-to-speech before saving, plans of draft content")
class MediaLibraryApiTest {

    @TempDir
    Path dir;
    TestController controller;
    HttpApi editor;
    long commune;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        HttpApi admin = controller.api();
        long province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh")).json().getLong("id");
        commune = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã A").put("parentId", province)).json()
                .getLong("id");
        editor = controller.as(Role.EDITOR, commune);
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("tus 1.0: create with Upload-Length and a base64 name, drop midway, HEAD, PATCH the rest, finish")
    void tusUpload() throws Exception {
        byte[] file = Files.readAllBytes(Ffmpeg.video(dir, "clip.mp4", 2));
        HttpResponse<String> created = send(tus("/api/v1/uploads").header("Upload-Length", String.valueOf(file.length))
                .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(
                        "Bản tin «Nghị quyết 57».mp4".getBytes(StandardCharsets.UTF_8)) + ",filetype dmlkZW8vbXA0")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String url = created.headers().firstValue("Location").orElseThrow();
        assertThat(created.headers().firstValue("Tus-Resumable")).contains("1.0.0");

        dropMidway(url, Arrays.copyOf(file, file.length / 2), file.length);
        long kept = settledOffset(url);
        assertThat(kept).isBetween(0L, (long) file.length / 2);
        HttpResponse<Void> head = http.send(tus(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.headers().firstValue("Upload-Length")).contains(String.valueOf(file.length));
        assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");

        assertThat(patch(url, Arrays.copyOfRange(file, 0, 10), kept + 10, TusContent.OFFSET).statusCode())
                .isEqualTo(409);
        assertThat(patch(url, Arrays.copyOfRange(file, (int) kept, file.length), kept, TusContent.JSON).statusCode())
                .isEqualTo(415);
        HttpResponse<String> rest = patch(url, Arrays.copyOfRange(file, (int) kept, file.length), kept,
                TusContent.OFFSET);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).contains(String.valueOf(file.length));

        HttpApi.Answer asset = editor.post(url + "/finish", "{}");
        assertThat(asset.status()).as(asset.body()).isEqualTo(201);
        assertThat(asset.json().getString("name")).isEqualTo("Bản tin «Nghị quyết 57».mp4");
        assertThat(asset.json().getString("kind")).isEqualTo("VIDEO");
    }

    @Test
    @DisplayName("the page plays the asset: the upload until renditions exist, then the smallest one, with byte ranges")
    void mediaToPlay() throws Exception {
        Path tone = Ffmpeg.tone(dir, "ban-tin.wav", 2);
        long id = editor.upload(tone, "ban-tin.wav").json().getLong("id");
        JsonObject ready = editor.processed(id);
        JsonObject speech = ready.getJsonArray("renditions").getJsonObject(0);
        assertThat(speech.getString("profile")).isEqualTo("speaker-speech");

        HttpResponse<byte[]> whole = http.send(authed("/api/v1/assets/" + id + "/media").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).contains("audio/mpeg");
        assertThat(whole.body().length).isEqualTo(speech.getLong("sizeBytes").intValue());
        HttpResponse<byte[]> part = http.send(authed("/api/v1/assets/" + id + "/media").header("Range", "bytes=10-19")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 10, 20));

        long other = controller.api().post("/api/v1/areas", new JsonObject().put("name", "Xã B")).json().getLong("id");
        HttpResponse<String> outside = http.send(HttpRequest.newBuilder(URI.create(controller.baseUrl()
                + "/api/v1/assets/" + id + "/media")).header("Authorization", "Bearer "
                + controller.as(Role.EDITOR, other).token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("listening to text-to-speech answers a WAV and stores nothing; bad text is refused in words")
    void listenBeforeSaving() throws Exception {
        HttpResponse<byte[]> wav = http.send(authed("/api/v1/tts/listen").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("text", "Thông báo họp tổ dân phố.")
                        .put("voice", "central").encode())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wav.statusCode()).isEqualTo(200);
        assertThat(wav.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(new String(wav.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(wav.body().length).isGreaterThan(10_000);
        assertThat(editor.get("/api/v1/assets").array()).isEmpty();
        try (var left = Files.list(controller.config().uploadTempDir())) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("tts-")).toList()).isEmpty();
        }
        HttpApi.Answer empty = editor.post("/api/v1/tts/listen", new JsonObject().put("text", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().getString("error")).contains("Chưa có nội dung");
        assertThat(controller.as(Role.VIEWER, commune).post("/api/v1/tts/listen", new JsonObject().put("text", "a"))
                .status()).isEqualTo(403);
    }

    @Test
    @DisplayName("the plan preview with unapproved items airs a draft campaign's draft content too")
    void previewOfDrafts() throws Exception {
        long speaker = controller.api().post("/api/v1/endpoints", new JsonObject().put("name", "Loa tổ 5")
                .put("kind", "SPEAKER").put("areaId", commune)).json().getLong("id");
        long asset = editor.upload(Ffmpeg.tone(dir, "a.wav", 2), "a.wav").json().getLong("id");
        String day = LocalDate.now().plusDays(1).toString();
        assertThat(editor.post("/api/v1/campaigns", new JsonObject().put("name", "Bản nháp").put("startDate", day)
                .put("endDate", day).put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", "0 6 * * *")))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune)))).status()).isEqualTo(201);

        String query = "/api/v1/preview?endpointId=" + speaker + "&date=" + day;
        assertThat(editor.get(query).json().getJsonArray("endpoints").getJsonObject(0).getJsonArray("entries"))
                .isEmpty();
        JsonArray drafts = editor.get(query + "&includeUnapproved=true").json().getJsonArray("endpoints")
                .getJsonObject(0).getJsonArray("entries");
        assertThat(drafts).hasSize(1);
        assertThat(drafts.getJsonObject(0).getString("start")).isEqualTo(day + "T06:00");
        assertThat(drafts.getJsonObject(0).getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo("a.wav");
    }

    private enum TusContent {
        OFFSET("application/offset+octet-stream"), JSON("application/json");

        final String type;

        TusContent(String type) {
            this.type = type;
        }
    }

    private HttpResponse<String> patch(String url, byte[] body, long offset, TusContent content) throws Exception {
        return send(tus(url).header("Upload-Offset", String.valueOf(offset)).header("Content-Type", content.type)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder tus(String path) {
        return authed(path).header("Tus-Resumable", "1.0.0");
    }

    private HttpRequest.Builder authed(String path) {
        return HttpRequest.newBuilder(URI.create(controller.baseUrl() + path))
                .header("Authorization", "Bearer " + editor.token());
    }

    /** Announces the whole rest of the file in a PATCH, sends part of it, and hangs up: a 3G link dropping. */
    private void dropMidway(String url, byte[] part, long total) throws IOException {
        try (Socket s = new Socket("127.0.0.1", controller.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PATCH " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + editor.token()
                    + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream"
                    + "\r\nContent-Length: " + total + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.flush();
        }
    }

    /** The offset once the server has stopped receiving the dropped request. */
    private long settledOffset(String url) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        long last = -1;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<Void> head = http.send(tus(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            long now = Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(200);
        }
        throw new AssertionError("the offset kept moving");
    }
}
