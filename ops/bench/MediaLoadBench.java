import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import vn.bantin.Controller;
import vn.bantin.config.ConfigLoader;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run by ops/bench/media. A real controller (in-process, its own data dir, loopback): the time from uploading a
 * 30-second bulletin to its speaker rendition being ready (asset READY), first with nothing else to do, then while
 * a 30-minute video's preview and four screen renditions are being made. Upload requests include the probe and
 * decode check, as staff see them.
 */
public class MediaLoadBench {

    private static final String TOKEN = "bench-" + System.nanoTime();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String base;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path bulletin = Path.of(args[1]);
        Path longVideo = Path.of(args[2]);
        Controller controller = Controller.start(Vertx.vertx(), ConfigLoader.fromProperties(Map.of(
                ConfigLoader.DATA_DIR, work.resolve("controller").toString(), ConfigLoader.HTTP_HOST, "127.0.0.1",
                ConfigLoader.HTTP_PORT, "0", ConfigLoader.ADMIN_TOKEN, TOKEN)))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            base = "http://127.0.0.1:" + controller.port();
            double alone = readyAfterUpload(bulletin, "ban-tin-1.wav", 0);
            JsonObject video = upload(longVideo, "video-30-phut.mp4");
            Thread.sleep(3000);
            double loaded = readyAfterUpload(bulletin, "ban-tin-2.wav", 1);
            JsonObject v = get("/api/v1/assets/" + video.getLong("id"));
            System.out.printf(Locale.ROOT, "# the 30-min video (%d ms) was %s when the bulletin was ready%n",
                    v.getLong("durationMs"), v.getString("status"));
            System.out.printf(Locale.ROOT, "BENCH media.bulletin_ready_alone_s %.2f s%n", alone);
            System.out.printf(Locale.ROOT, "BENCH media.bulletin_ready_under_load_s %.2f s%n", loaded);
        } finally {
            controller.stop();
        }
        System.exit(0);
    }

    /** Seconds from the start of the upload until the asset is READY; salt makes the bytes a new asset. */
    static double readyAfterUpload(Path wav, String name, int salt) throws Exception {
        Path copy = wav.resolveSibling(name);
        byte[] bytes = Files.readAllBytes(wav);
        bytes[bytes.length - 1] ^= (byte) (salt + 1);
        Files.write(copy, bytes);
        long t0 = System.nanoTime();
        long id = upload(copy, name).getLong("id");
        while (true) {
            JsonObject a = get("/api/v1/assets/" + id);
            if ("READY".equals(a.getString("status"))) {
                return (System.nanoTime() - t0) / 1e9;
            }
            if ("FAILED".equals(a.getString("status")) || System.nanoTime() - t0 > 600e9) {
                throw new IllegalStateException("bulletin not ready: " + a.encode());
            }
            Thread.sleep(100);
        }
    }

    static JsonObject upload(Path file, String name) throws Exception {
        String boundary = "b" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/assets"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("upload of " + name + ": " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body());
    }

    static JsonObject get(String path) throws Exception {
        return new JsonObject(HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
