package vn.bantin.http.hardening;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.ApiSpec;
import vn.bantin.support.Enrollment;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TableCounts;
import vn.bantin.support.TestController;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Injection: SQL, path traversal, header and process-argument payloads are inert and change nothing")
class InjectionTest {

    private static final String PWNED = "/tmp/bantin-pwned-" + UUID.randomUUID();
    static final List<String> PAYLOADS = List.of("' OR '1'='1", "1; DROP TABLE area; --",
            "0 UNION SELECT password_hash FROM app_user --", "%' OR 1=1 --", "../../../../etc/passwd",
            "..%2F..%2F..%2Fetc%2Fpasswd", "x\r\nX-Injected: 1", "$(touch " + PWNED + ")", "`touch " + PWNED + "`",
            "-i /etc/passwd", "\u0000", "\uD83D\uDE00' --");

    @TempDir
    static Path dir;
    private static TestController controller;
    private static HttpApi api;

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString()));
        api = controller.api();
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")).json().getLong("id");
        api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa 1").put("kind", "SPEAKER")
                .put("areaId", area));
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    @Test
    @DisplayName("every query parameter of every GET without a path id, each payload: a declared 2xx/4xx, nothing changed")
    void queryParameters() throws Exception {
        String before = TableCounts.of(controller);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (io.vertx.openapi.contract.Path path : ApiSpec.contract().getPaths()) {
            if (!path.getName().startsWith("/api/v1/") || path.getName().contains("{")
                    || path.getName().endsWith("/stream") || path.getName().equals("/api/v1/events")) {
                continue;
            }
            for (Operation op : path.getOperations()) {
                if (!op.getHttpMethod().name().equals("GET")) {
                    continue;
                }
                for (Parameter p : op.getParameters()) {
                    if (!p.getIn().name().equals("QUERY")) {
                        continue;
                    }
                    for (String payload : PAYLOADS) {
                        String url = path.getName() + "?" + p.getName() + "=" + URLEncoder.encode(payload,
                                StandardCharsets.UTF_8);
                        HttpApi.Answer a = api.get(url);
                        calls++;
                        if (a.status() >= 500 || a.headers().containsKey("x-injected")) {
                            failures.add("GET " + url + " → " + a.status() + " " + a.body());
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(failures).isEmpty();
        assertThat(TableCounts.of(controller)).isEqualTo(before);
        assertThat(Files.exists(Path.of(PWNED))).isFalse();
    }

    @Test
    @DisplayName("payloads as names are stored and read back literally, and find only themselves")
    void namesStayText() throws Exception {
        int before = api.get("/api/v1/areas?limit=1000").array().size();
        for (String payload : PAYLOADS) {
            if (payload.contains("\u0000") || payload.contains("\r")) {
                continue;
            }
            HttpApi.Answer made = api.post("/api/v1/areas", new JsonObject().put("name", payload));
            assertThat(made.status()).as(payload + ": " + made.body()).isEqualTo(201);
            long id = made.json().getLong("id");
            assertThat(api.get("/api/v1/areas/" + id).json().getString("name")).isEqualTo(payload);
        }
        assertThat(api.get("/api/v1/areas?limit=1000").array()).hasSize(before + PAYLOADS.size() - 2);
        assertThat(Files.exists(Path.of(PWNED))).isFalse();
    }

    @Test
    @DisplayName("path traversal on the web UI, the agent's media and the asset files answers 404, never a file")
    void pathTraversal() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/..%2F..%2Fpom.xml", "/assets/..%2F..%2F..%2Fpom.xml", "/%2e%2e/%2e%2e/etc/passwd",
                "/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fkeys%2fcontroller.key", "/..;/..;/etc/passwd")) {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(controller.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(res.body()).as(path).doesNotContain("root:x:0:0").doesNotContain("<modelVersion>");
            assertThat(res.statusCode()).as(path).isIn(200, 400, 404);
            if (res.statusCode() == 200) {
                assertThat(res.body()).as("the page itself, not a file: " + path).contains("<div id=\"app\"");
            }
        }
        SignedAgent device = enrolledDevice();
        for (String sha : List.of("..%2F..%2Fkeys%2Fcontroller.key", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "0000000000000000000000000000000000000000000000000000000000000000%2F..")) {
            SignedAgent.Reply reply = device.get("/agent/v1/media/" + sha);
            assertThat(reply.status()).as(sha).isIn(400, 404);
            assertThat(reply.text()).doesNotContain("root:x:0:0");
        }
    }

    @Test
    @DisplayName("text-to-speech text and upload file names that look like options stay data, never arguments")
    void processArguments() throws Exception {
        HttpApi.Answer tts = api.post("/api/v1/tts", new JsonObject().put("name", "-w " + PWNED)
                .put("text", "-w " + PWNED + " --stdout $(touch " + PWNED + ")").put("voice", "north"));
        assertThat(tts.status()).as(tts.body()).isIn(200, 201);
        HttpApi.Answer voice = api.post("/api/v1/tts", new JsonObject().put("name", "x").put("text", "xin chào")
                .put("voice", "north -w " + PWNED));
        assertThat(voice.status()).isEqualTo(400);
        HttpApi.Answer upload = api.upload(Ffmpeg.tone(dir, "t.wav", 1), "-f lavfi -i anullsrc -y " + PWNED + ".wav");
        assertThat(upload.status()).as(upload.body()).isIn(200, 201);
        assertThat(upload.json().getString("kind")).isEqualTo("AUDIO");
        assertThat(Files.exists(Path.of(PWNED))).isFalse();
        assertThat(Files.exists(Path.of(PWNED + ".wav"))).isFalse();
    }

    @Test
    @DisplayName("an uploaded HLS playlist or ffconcat list naming other files and URLs is refused, nothing stored")
    void playlistUploads() throws Exception {
        Path stored = controller.config().mediaDir();
        String before = TableCounts.of(controller);
        long filesBefore = files(stored);
        Path hls = Files.writeString(dir.resolve("hls.m3u8"), "#EXTM3U\n#EXTINF:10,\n" + stored
                + "/ab/abcd.ts\n#EXTINF:10,\nhttp://127.0.0.1:1/x.ts\n#EXT-X-ENDLIST\n", StandardCharsets.UTF_8);
        Path concat = Files.writeString(dir.resolve("list.txt"), "ffconcat version 1.0\nfile ../keys/controller.key\n",
                StandardCharsets.UTF_8);
        for (Path list : List.of(hls, concat)) {
            HttpApi.Answer a = api.upload(list, "ban-tin.mp3");
            assertThat(a.status()).as(a.body()).isEqualTo(422);
            assertThat(a.json().getString("error")).contains("HLS, ffconcat");
        }
        assertThat(TableCounts.of(controller)).isEqualTo(before);
        assertThat(files(stored)).isEqualTo(filesBefore);
    }

    private static long files(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private static SignedAgent enrolledDevice() {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Thôn 2")).json().getLong("id");
        SignedAgent device = new SignedAgent(controller.baseUrl());
        Enrollment.speaker(api, area, "Loa 2", device);
        return device;
    }
}
