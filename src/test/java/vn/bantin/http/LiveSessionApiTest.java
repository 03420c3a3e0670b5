package vn.bantin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.access.Role;
import vn.bantin.support.Browser;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Microphone;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Live microphone sessions through a real Icecast2 on a real controller")
class LiveSessionApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;
    long commune;
    long quietCommune;
    long speaker;
    long quietSpeaker;
    SignedAgent agent;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.ICECAST_PORT, "0"));
        api = controller.api();
        commune = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Bình Sơn")).json().getLong("id");
        quietCommune = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Yên Tĩnh")
                .put("quietHours", new JsonObject().put("from", "00:00").put("to", "23:59"))).json().getLong("id");
        agent = new SignedAgent(controller.baseUrl());
        speaker = enrolledSpeaker("Cụm loa thôn 1", commune, agent);
        quietSpeaker = enrolledSpeaker("Cụm loa thôn Yên", quietCommune, new SignedAgent(controller.baseUrl()));
    }

    private long enrolledSpeaker(String name, long area, SignedAgent device) {
        long id = api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + id + "/enrollment-code", "{}").json().getString("code");
        assertThat(device.enroll("SPEAKER", code).status()).isEqualTo(200);
        return id;
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private static JsonObject session(String title, String broadcastClass, long... areas) {
        JsonArray ids = new JsonArray();
        for (long a : areas) {
            ids.add(a);
        }
        return new JsonObject().put("title", title).put("broadcastClass", broadcastClass)
                .put("targets", new JsonObject().put("areaIds", ids));
    }

    private String refusal(JsonObject body) {
        HttpApi.Answer answer = api.post("/api/v1/live-sessions", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().getString("error")).contains(" / ");
        return answer.json().getString("code");
    }

    @Test
    @DisplayName("bad sessions are refused with a named reason and none is stored")
    void validation() {
        assertThat(refusal(session(" ", "NORMAL", commune))).isEqualTo("bad_title");
        assertThat(refusal(session("Thông báo", "LOUD", commune))).isEqualTo("bad_field");
        assertThat(refusal(session("Thông báo", "NORMAL"))).isEqualTo("no_targets");
        assertThat(refusal(session("Thông báo", "NORMAL", 9999))).isEqualTo("unknown_area");
        assertThat(api.get("/api/v1/live-sessions").array()).isEmpty();
    }

    @Test
    @DisplayName("a loudspeaker in quiet hours refuses a NORMAL session with the reason, and gets no stream entry")
    void quietHoursRefuse() {
        JsonObject s = api.post("/api/v1/live-sessions", session("Họp thôn", "NORMAL", commune, quietCommune)).json();
        JsonObject quiet = endpoint(s, quietSpeaker);
        assertThat(quiet.getString("state")).isEqualTo("REFUSED");
        assertThat(quiet.getString("detail")).contains("giờ yên lặng").contains("quiet hours");
        assertThat(endpoint(s, speaker).getString("state")).isIn("WAITING", "OFFLINE");
        JsonObject emergency = api.post("/api/v1/live-sessions", session("Lũ về", "EMERGENCY", quietCommune)).json();
        assertThat(endpoint(emergency, quietSpeaker).getString("state")).isNotEqualTo("REFUSED");
    }

    @Test
    @DisplayName("spoken audio goes on air through Icecast, the endpoint's acknowledgement reaches the speaker,"
            + " and the ended session leaves a recording and a cut stream entry")
    void onAirThroughIcecast() throws Exception {
        Path speech = Microphone.speech(dir, "loi-noi.wav", "Xin chào bà con, đây là buổi phát thanh trực tiếp"
                + " của xã Bình Sơn. Bà con chú ý lắng nghe thông báo.");
        long id = api.post("/api/v1/live-sessions", session("Thông báo của UBND xã", "EMERGENCY", commune)).json()
                .getLong("id");
        try (Microphone mic = Microphone.open(controller.baseUrl(), controller.token(), id)) {
            Thread speaking = mic.speakInBackground(speech);
            mic.await(m -> "status".equals(m.getString("type")) && "ON_AIR".equals(m.getString("status")), WAIT);

            JsonObject entry = streamEntry(id);
            String url = entry.getJsonObject("stream").getString("url");
            assertThat(entry.getString("class")).isEqualTo("EMERGENCY");
            assertThat(entry.getJsonObject("stream").getLong("epochMs")).isEqualTo(entry.getLong("start"));
            Path heard = listen(url, dir.resolve("heard.wav"));

            heartbeatPlaying(entry.getString("id"));
            JsonObject ack = mic.await(m -> "endpoint".equals(m.getString("type"))
                    && m.getLong("endpointId") == speaker && "PLAYING".equals(m.getString("state")), WAIT);
            assertThat(ack.getString("name")).isEqualTo("Cụm loa thôn 1");

            speaking.join(TimeUnit.SECONDS.toMillis(60));
            mic.end();
            JsonObject done = mic.await(m -> "status".equals(m.getString("type"))
                    && m.getValue("recordingAssetId") != null, WAIT);
            assertThat(done.getString("status")).isEqualTo("ENDED");

            assertThat(Files.size(heard)).as("the stream a listener got from Icecast").isGreaterThan(32_000);
            JsonObject recording = api.processed(done.getLong("recordingAssetId"));
            assertThat(recording.getString("kind")).isEqualTo("AUDIO");
            assertThat(recording.getLong("durationMs")).isBetween(durationMs(speech) - 600, durationMs(speech) + 600);
            assertThat(recording.getString("name")).startsWith("Phát trực tiếp: Thông báo của UBND xã");
            assertThat(recording.getJsonObject("loudness").getDouble("integratedLufs")).isBetween(-40.0, -5.0);
            assertThat(recording.getJsonArray("renditions").getJsonObject(0).getDouble("loudnessLufs"))
                    .as("the speaker rendition, measured on the delivered file").isBetween(-17.5, -14.5);

            JsonObject cut = streamEntry(id);
            assertThat(cut.getLong("end")).isEqualTo(done.getLong("endedAt"));
        }
    }

    @Test
    @DisplayName("a browser session opens the microphone only with its CSRF token and from the controller's own origin;"
            + " the session names its speaker by display name beside the login")
    void browserMicrophoneNeedsCsrfAndOrigin() throws Exception {
        String password = api.post("/api/v1/users", new JsonObject().put("username", "xa.operator")
                .put("displayName", "Nguyễn Thị Hoa").put("role", "OPERATOR").put("areaId", commune)).json()
                .getString("password");
        Browser page = new Browser(controller.baseUrl()).signedIn("xa.operator", password);
        JsonObject opened = page.post("/api/v1/live-sessions", session("Họp khẩn", "PRIORITY", commune)).json();
        long id = opened.getLong("id");
        assertThat(opened.getString("startedBy")).isEqualTo("xa.operator");
        assertThat(opened.getString("startedByName")).isEqualTo("Nguyễn Thị Hoa");
        JsonObject listed = page.get("/api/v1/live-sessions").array().getJsonObject(0);
        assertThat(listed.getString("startedByName")).as(listed.encode()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(page.get("/api/v1/live-sessions/" + id).json().getString("startedByName")).isEqualTo("Nguyễn Thị Hoa");
        String base = controller.baseUrl();
        assertThatThrownBy(() -> Microphone.open(page, base, base, null, id)).rootCause()
                .hasMessageContaining("403");
        assertThatThrownBy(() -> Microphone.open(page, base, "https://evil.example", page.csrf(), id))
                .rootCause().hasMessageContaining("403");
        try (Microphone mic = Microphone.open(page, base, base, page.csrf(), id)) {
            assertThat(mic.await(m -> "status".equals(m.getString("type")), WAIT).getString("startedBy"))
                    .isEqualTo("xa.operator");
        }
        assertThat(controller.as(Role.VIEWER, commune).post("/api/v1/live-sessions", session("Thử", "NORMAL", commune))
                .status()).isEqualTo(403);
    }

    private JsonObject streamEntry(long sessionId) throws Exception {
        JsonObject[] found = new JsonObject[1];
        Eventually.within(WAIT, () -> {
            JsonArray entries = agent.get("/agent/v1/timeline").json().getJsonArray("entries");
            found[0] = entries.stream().map(JsonObject.class::cast).filter(e -> "STREAM".equals(e.getString("mode"))
                    && e.getJsonObject("stream").getLong("liveSessionId") == sessionId).findFirst().orElse(null);
            assertThat(found[0]).as(entries.encode()).isNotNull();
        });
        return found[0];
    }

    /** Three seconds of the mount as a listener hears it, decoded by ffmpeg. */
    private static Path listen(String url, Path out) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", url, "-t", "3",
                "-ac", "1", "-ar", "16000", out.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    private static long durationMs(Path wav) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                wav.toString()).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return Math.round(Double.parseDouble(out) * 1000);
    }

    private void heartbeatPlaying(String entryId) {
        var reply = agent.post("/agent/v1/heartbeat", new JsonObject().put("agentTime", System.currentTimeMillis())
                .put("uptimeMs", 1000).put("diskFreeBytes", 8_000_000_000L).put("cacheBytes", 1000)
                .put("volume", 80).put("version", "test").put("clockOffsetMs", 0).put("spooledRecords", 0)
                .put("nowPlaying", new JsonObject().put("entryId", entryId).putNull("sha256")
                        .put("class", "EMERGENCY").put("since", System.currentTimeMillis())));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    private static JsonObject endpoint(JsonObject session, long endpointId) {
        return session.getJsonArray("endpoints").stream().map(JsonObject.class::cast)
                .filter(e -> e.getLong("endpointId") == endpointId).findFirst().orElseThrow();
    }
}
