package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.support.Eventually;
import vn.bantin.support.SignedAgent;

import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Remote commands: issued in the area, signed, pushed on the stream, answered by the agent")
class CommandApiTest {

    @TempDir
    Path dir;
    Commune commune;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir, Map.of(ConfigLoader.COMMAND_TTL_SECONDS, "3"));
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    @Test
    @DisplayName("a command waits for the stream, arrives signed for this device only, and its answer is kept")
    void pushedWhenTheStreamOpensAndAnswered() throws Exception {
        Commune.Enrolled speaker = commune.enrolledSpeaker();
        JsonObject issued = commune.api.post(commands(speaker), new JsonObject().put("kind", "VOLUME").put("volume", 60))
                .json();
        assertThat(issued.getString("status")).isEqualTo("PENDING");
        assertThat(issued.getJsonObject("args").getInteger("volume")).isEqualTo(60);

        BlockingQueue<String> pushed = new LinkedBlockingQueue<>();
        WebSocket ws = speaker.agent().stream(pushed::add);
        JsonObject message = nextCommand(pushed);
        String payloadText = message.getString("payload");
        assertThat(Ed25519Keys.verify(speaker.controllerKey(), payloadText.getBytes(StandardCharsets.UTF_8),
                Ed25519Keys.fromBase64(message.getString("sig")))).isTrue();
        JsonObject payload = new JsonObject(payloadText);
        assertThat(payload.getString("deviceId")).isEqualTo(speaker.agent().deviceId());
        assertThat(payload.getLong("commandId")).isEqualTo(issued.getLong("id"));
        assertThat(payload.getString("kind")).isEqualTo("VOLUME");
        assertThat(payload.getLong("expiresAt")).isGreaterThan(payload.getLong("issuedAt"));
        assertThat(command(speaker, issued.getLong("id")).getString("status")).isEqualTo("SENT");

        SignedAgent.Reply answered = speaker.agent().post("/agent/v1/commands/" + issued.getLong("id") + "/result",
                new JsonObject().put("outcome", "DONE").put("detail", "master volume 60 %"));
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        JsonObject done = command(speaker, issued.getLong("id"));
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("detail")).isEqualTo("master volume 60 %");
        assertThat(done.getLong("answeredAt")).isNotNull();

        JsonObject online = commune.api.post(commands(speaker), new JsonObject().put("kind", "RESYNC")).json();
        assertThat(nextCommand(pushed).getString("payload")).contains("\"RESYNC\"");
        assertThat(command(speaker, online.getLong("id")).getString("status")).isEqualTo("SENT");
        ws.abort();

        Commune.Enrolled other = commune.enrolledSpeaker();
        assertThat(other.agent().post("/agent/v1/commands/" + online.getLong("id") + "/result",
                new JsonObject().put("outcome", "DONE")).status()).as("another device's command").isEqualTo(404);
        Eventually.within(Duration.ofSeconds(5), () -> assertThat(command(speaker, online.getLong("id"))
                .getString("status")).isEqualTo("EXPIRED"));
    }

    @Test
    @DisplayName("a screen's screenshot comes back as a PNG; bad commands and bad pictures are refused")
    void screenshotAndRefusals() throws Exception {
        Commune.Enrolled screen = commune.enrolled("SCREEN");
        Commune.Enrolled speaker = commune.enrolledSpeaker();
        assertThat(commune.api.post(commands(speaker), new JsonObject().put("kind", "SCREENSHOT")).json().getString("code"))
                .isEqualTo("not_a_screen");
        assertThat(commune.api.post(commands(speaker), new JsonObject().put("kind", "VOLUME").put("volume", 101)).json().getString("code"))
                .as("refused by the document").isEqualTo("bad_field");
        assertThat(commune.api.post(commands(speaker), new JsonObject().put("kind", "VOLUME")).json().getString("code"))
                .isEqualTo("bad_volume");
        assertThat(commune.api.post(commands(speaker), new JsonObject().put("kind", "REBOOT")).json().getString("code"))
                .isEqualTo("bad_field");

        long id = commune.api.post(commands(screen), new JsonObject().put("kind", "SCREENSHOT")).json().getLong("id");
        assertThat(screen.agent().post("/agent/v1/commands/" + id + "/screenshot", "not a png".getBytes()).json().getString("code"))
                .isEqualTo("bad_png");
        byte[] png = Files.readAllBytes(Path.of("media/demo/infographic-binh-dan-hoc-vu-so.png"));
        assertThat(screen.agent().send("POST", "/agent/v1/commands/" + id + "/screenshot", png, png(screen, id, png))
                .status()).isEqualTo(200);
        assertThat(screen.agent().post("/agent/v1/commands/" + id + "/result", new JsonObject().put("outcome", "DONE"))
                .status()).isEqualTo(200);
        JsonObject done = command(screen, id);
        assertThat(done.getString("screenshot")).isEqualTo(commands(screen) + "/" + id + "/screenshot");
        assertThat(commune.api.bytes(done.getString("screenshot"))).isEqualTo(png);
    }

    @Test
    @DisplayName("operators in the area may send commands; viewers may not; other areas do not see the endpoint")
    void permissionsAndScope() {
        Commune.Enrolled speaker = commune.enrolledSpeaker();
        JsonObject volume = new JsonObject().put("kind", "VOLUME").put("volume", 30);
        assertThat(commune.controller.as(Role.OPERATOR, commune.areaId).post(commands(speaker), volume).status())
                .isEqualTo(201);
        assertThat(commune.controller.as(Role.VIEWER, commune.areaId).post(commands(speaker), volume).status())
                .isEqualTo(403);
        long elsewhere = commune.api.post("/api/v1/areas", new JsonObject().put("name", "Xã khác")
                .put("zone", "Asia/Ho_Chi_Minh")).json().getLong("id");
        assertThat(commune.controller.as(Role.OPERATOR, elsewhere).post(commands(speaker), volume).status())
                .isEqualTo(404);
        assertThat(commune.controller.as(Role.VIEWER, commune.areaId).get(commands(speaker)).array()).hasSize(1);
    }

    private static Map<String, String> png(Commune.Enrolled device, long id, byte[] png) {
        Map<String, String> headers = device.agent().sign("POST", "/agent/v1/commands/" + id + "/screenshot", png,
                System.currentTimeMillis());
        headers.put("Content-Type", "image/png");
        return headers;
    }

    private static String commands(Commune.Enrolled device) {
        return "/api/v1/endpoints/" + device.endpointId() + "/commands";
    }

    private JsonObject command(Commune.Enrolled device, long id) {
        return commune.api.get(commands(device) + "/" + id).json();
    }

    private static JsonObject nextCommand(BlockingQueue<String> pushed) throws InterruptedException {
        while (true) {
            String text = pushed.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a command pushed within 10 s").isNotNull();
            JsonObject m = new JsonObject(text);
            if ("command".equals(m.getString("type"))) {
                return m;
            }
        }
    }
}
