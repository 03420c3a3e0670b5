package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Web UI in real headless Chromium: endpoints list, map, state in plain words, codes, enrollment requests")
class EndpointsBrowserTest {

    /** Markup in names, tags and device facts: the UI must show it as text and never run it. */
    static final String XSS_NAME = "<img src=x onerror=\"window.__xss='name'\">Loa <b>chợ</b>";
    static final String XSS_TAG = "<script>window.__xss='tag'</script>";
    static final String XSS_DEVICE = "<svg onload=\"window.__xss='device'\">loa-moi";
    static final String INSTALLED_NAME = "Cụm loa tổ 7";
    static final String SCREEN_NAME = "Màn hình chợ Hạ Long";
    static final String XSS_MODEL = "<img src=x onerror=\"window.__xss='model'\">Pi 4";

    @TempDir
    Path dir;

    @Test
    @DisplayName("e2e/endpoints.test.mjs passes: an operator's commune only, by URL too; stored markup shown as text")
    void endpoints() throws Exception {
        try (CommuneWorld world = new CommuneWorld(dir)) {
            world.heartbeatWithFacts();
            long other = world.api.post("/api/v1/areas", new JsonObject().put("name", "Phường Bãi Cháy")
                    .put("parentId", world.provinceId)).json().getLong("id");
            long otherEndpoint = world.api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa Bãi Cháy")
                    .put("kind", "SPEAKER").put("areaId", other)).json().getLong("id");
            assertThat(world.api.post("/api/v1/endpoints", new JsonObject().put("name", XSS_NAME).put("kind", "SCREEN")
                    .put("areaId", world.communeId).put("tags", new JsonArray().add(XSS_TAG))).status()).isEqualTo(201);
            SignedAgent stranger = new SignedAgent(world.controller.baseUrl());
            JsonObject asking = stranger.enrollBody("SPEAKER", null).put("name", XSS_DEVICE);
            asking.getJsonObject("hardware").put("model", XSS_MODEL);
            assertThat(stranger.post("/agent/v1/enroll", asking).json().getString("status")).isEqualTo("PENDING");

            JsonObject people = world.people().put("SYSTEM", new JsonObject().put("username", "ui-system")
                    .put("password", world.controller.createUser("ui-system", Role.ADMIN, null)));
            Path codeFile = dir.resolve("area-code.txt");
            BrowserJourneys.run("endpoints.test.mjs", world.controller.baseUrl(), Map.of(
                    "BANTIN_PEOPLE", people.encode(),
                    "BANTIN_WORLD", new JsonObject().put("endpointId", world.endpointId)
                            .put("deviceId", world.agent.deviceId()).put("otherEndpointId", otherEndpoint)
                            .put("strangerDeviceId", stranger.deviceId()).put("communeId", world.communeId)
                            .put("otherCommuneId", other).put("codeFile", codeFile.toString()).encode()),
                    Map.of("installed", () -> installWithAreaCode(world, Files.readString(codeFile).trim())));
            assertThat(world.api.get("/api/v1/dashboard?endpointId=" + otherEndpoint).json().getJsonArray("endpoints")
                    .getJsonObject(0).getValue("location")).as("the other commune's endpoint was not touched").isNull();
        }
    }

    @Test
    @DisplayName("e2e/endpoint-remote.test.mjs passes: an operator sets a real agent's volume from the page and sees it done;"
            + " the connection history; a real screen's screenshot appears; a viewer sees no controls")
    void remoteControl() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("remote"))) {
            HttpApi api = controller.api();
            long province = api.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Quảng Ninh")
                    .put("zone", CommuneWorld.ZONE.getId())).json().getLong("id");
            long commune = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Hồng Gai")
                    .put("parentId", province)).json().getLong("id");
            long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", CommuneWorld.SPEAKER)
                    .put("kind", "SPEAKER").put("areaId", commune)).json().getLong("id");
            String code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
            long screen = api.post("/api/v1/endpoints", new JsonObject().put("name", SCREEN_NAME)
                    .put("kind", "SCREEN").put("areaId", commune)).json().getLong("id");
            String screenCode = api.post("/api/v1/endpoints/" + screen + "/enrollment-code", "{}").json().getString("code");
            JsonObject video = api.approvedAsset(Ffmpeg.video(dir, "man-hinh-cho.mp4", 4));
            loopOn(api, screen, video.getLong("id"));
            String profile = api.get("/api/v1/endpoints/" + screen).json().getString("profile");
            JsonObject played = video.getJsonArray("renditions").stream().map(JsonObject.class::cast)
                    .filter(r -> profile.equals(r.getString("profile"))).findFirst().orElseThrow();
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER", code)
                    .start();
                 AgentProcess screenAgent = AgentProcess.configure(dir.resolve("screen"), controller.baseUrl(), "SCREEN",
                         screenCode).start()) {
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(api.get("/api/v1/endpoints/" + endpoint
                        + "/connections").json().getBoolean("online")).as(agent.log()).isTrue());
                Eventually.within(Duration.ofSeconds(40), () -> assertThat(screenAgent.status().getJsonObject("nowPlaying"))
                        .as("the screen plays its video: " + screenAgent.log()).isNotNull());
                JsonObject people = new JsonObject()
                        .put("OPERATOR", new JsonObject().put("username", "ui-operator")
                                .put("password", controller.createUser("ui-operator", Role.OPERATOR, commune)))
                        .put("VIEWER", new JsonObject().put("username", "ui-viewer")
                                .put("password", controller.createUser("ui-viewer", Role.VIEWER, commune)));
                BrowserJourneys.run("endpoint-remote.test.mjs", controller.baseUrl(), Map.of(
                        "BANTIN_PEOPLE", people.encode(),
                        "BANTIN_WORLD", new JsonObject().put("endpointId", endpoint).put("screenId", screen)
                                .put("videoWidth", played.getInteger("width"))
                                .put("videoHeight", played.getInteger("height")).encode()));
                JsonArray sent = api.get("/api/v1/endpoints/" + endpoint + "/commands").array();
                assertThat(sent).as("only the volume was sent; the cancelled restart was not").hasSize(1);
                JsonObject volume = sent.getJsonObject(0);
                assertThat(volume.getString("kind")).isEqualTo("VOLUME");
                assertThat(volume.getString("issuedBy")).isEqualTo("ui-operator");
                assertThat(volume.getString("status")).isEqualTo("DONE");
                assertThat(volume.getString("detail")).as("the agent's own answer").isEqualTo("master volume 40 %");
                assertThat(agent.alive()).as(agent.log()).isTrue();
                JsonObject shot = api.get("/api/v1/endpoints/" + screen + "/commands").array().getJsonObject(0);
                assertThat(shot.getString("kind")).isEqualTo("SCREENSHOT");
                assertThat(shot.getString("status")).as(screenAgent.log()).isEqualTo("DONE");
                assertThat(api.bytes(shot.getString("screenshot"))).as("the agent's mpv made the picture")
                        .startsWith(0x89, 'P', 'N', 'G');
            }
        }
    }

    /** An approved LOOP of the video on that one screen, from 3 s from now for 10 minutes. */
    private static void loopOn(HttpApi api, long screen, long video) {
        LocalDate today = LocalDate.now(CommuneWorld.ZONE);
        String start = LocalDateTime.now(CommuneWorld.ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(3).toString();
        HttpApi.Answer campaign = api.post("/api/v1/campaigns", new JsonObject().put("name", "Màn hình chợ")
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", video)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "LOOP").put("windowMinutes", 10)
                        .put("at", new JsonArray().add(start))))
                .put("targets", new JsonObject().put("endpoints", new JsonArray().add(screen))));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        HttpApi.Answer approved = api.post("/api/v1/campaigns/" + campaign.json().getLong("id") + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isLessThan(300);
    }

    /** An installer sets up a loudspeaker with the commune's code from the screen: it asks to join that commune. */
    private static void installWithAreaCode(CommuneWorld world, String code) {
        SignedAgent installed = new SignedAgent(world.controller.baseUrl());
        SignedAgent.Reply reply = installed.post("/agent/v1/enroll", installed.enrollBody("SPEAKER", code)
                .put("name", INSTALLED_NAME));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().getString("status")).isEqualTo("PENDING");
    }
}
