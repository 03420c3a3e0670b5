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
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Web UI in real headless Chromium with a real agent and real mpv: a bulletin plays live; an emergency fired"
        + " and cancelled from a phone")
class EmergencyBrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String SPEAKER = "Cụm loa tổ 5";
    private static final String CAMPAIGN = "Bản tin Nghị quyết 57";
    /** Long enough for the agent to start, enroll, pull the timeline and fetch the media first. */
    private static final int BULLETIN_IN_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    @DisplayName("e2e/emergency.test.mjs passes: play appears live, the agent acknowledges and starts the alert")
    void emergency() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("data"))) {
            HttpApi api = controller.api();
            long province = api.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Quảng Ninh")
                    .put("zone", ZONE.getId())).json().getLong("id");
            long commune = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Hồng Gai")
                    .put("parentId", province)).json().getLong("id");
            long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", SPEAKER).put("kind", "SPEAKER")
                    .put("areaId", commune)).json().getLong("id");
            String code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
            HttpApi editor = controller.as(Role.EDITOR, commune);
            long asset = editor.upload(Ffmpeg.tone(dir, "ban-tin-57.wav", 4), "ban-tin-57.wav").json().getLong("id");
            api.post("/api/v1/assets/" + asset + "/approve", "{}");
            api.processed(asset);
            approvedBulletin(editor, api, commune, asset);
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER", code)
                    .start()) {
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(api.get("/api/v1/dashboard?endpointId="
                        + endpoint).json().getJsonArray("endpoints").getJsonObject(0).getBoolean("online")).isTrue());
                JsonObject people = new JsonObject().put("OPERATOR", new JsonObject().put("username", "ui-operator")
                        .put("password", controller.createUser("ui-operator", Role.OPERATOR, commune)));
                BrowserJourneys.run("emergency.test.mjs", controller.baseUrl(), Map.of("BANTIN_PEOPLE", people.encode(),
                        "BANTIN_WORLD", new JsonObject().put("endpointId", endpoint).put("speaker", SPEAKER)
                                .put("campaign", CAMPAIGN).encode()));
                assertThat(agent.alive()).as(agent.log()).isTrue();
                JsonObject alert = api.get("/api/v1/alerts").array().getJsonObject(0);
                assertThat(alert.getString("status")).isEqualTo("CANCELLED");
                assertThat(alert.getString("createdBy")).isEqualTo("ui-operator");
                assertThat(alert.getJsonObject("review").getString("status")).as("an operator's alert awaits review")
                        .isEqualTo("PENDING");
            }
        }
    }

    /** The commune's editor makes the bulletin (so the commune's people see it in today's plan); an admin approves. */
    private static void approvedBulletin(HttpApi editor, HttpApi admin, long commune, long asset) {
        LocalDateTime at = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(BULLETIN_IN_SECONDS);
        LocalDate today = LocalDate.now(ZONE);
        HttpApi.Answer created = editor.post("/api/v1/campaigns", new JsonObject().put("name", CAMPAIGN)
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE")
                        .put("at", new JsonArray().add(at.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/campaigns/" + created.json().getLong("id") + "/approve", "{}").status())
                .isEqualTo(200);
    }
}
