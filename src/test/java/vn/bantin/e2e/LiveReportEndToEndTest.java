package vn.bantin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Microphone;
import vn.bantin.support.TestController;

@DisplayName("End to end: a live session through Icecast2, played by a real agent and mpv, counted in the report")
class LiveReportEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the agent's own signed record of the live stream makes the session's row: expected 1, played 1,"
            + " its time on air")
    void liveSessionPlayedByTheAgentIsReported() throws Exception {
        try (TestController controller = TestController.start(Map.of(ConfigLoader.DATA_DIR,
                dir.resolve("controller").toString(), ConfigLoader.ICECAST_PORT, "0"))) {
            HttpApi api = controller.api();
            Scenario world = Scenario.speakerInCommune(api);
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode).start()) {
                Eventually.within(Duration.ofSeconds(30), () ->
                        assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
                Path speech = Microphone.speech(dir, "loi-noi.wav", "Bà con chú ý, chiều nay có mưa lớn. Đề nghị"
                        + " bà con không ra đồng, giữ an toàn cho trẻ em và người già.");
                long id = api.post("/api/v1/live-sessions", new JsonObject().put("title", "Cảnh báo mưa lớn")
                        .put("broadcastClass", "EMERGENCY").put("targets", new JsonObject().put("areaIds",
                                new JsonArray().add(world.areaId)))).json().getLong("id");
                try (Microphone mic = Microphone.open(controller.baseUrl(), controller.token(), id)) {
                    mic.speak(speech);
                    mic.end();
                    mic.await(m -> "status".equals(m.getString("type")) && "ENDED".equals(m.getString("status")),
                            Duration.ofSeconds(30));
                }
                JsonObject[] row = new JsonObject[1];
                Eventually.within(Duration.ofSeconds(60), () -> {
                    JsonObject report = api.get("/api/v1/reports?period=month&areaId=" + world.areaId).json();
                    row[0] = report.getJsonArray("campaigns").stream().map(JsonObject.class::cast)
                            .filter(r -> r.getString("name").startsWith("Phát trực tiếp: Cảnh báo mưa lớn"))
                            .findFirst().orElseThrow(() -> new AssertionError(report.encode()));
                    assertThat(row[0].getLong("records")).as(agent.log()).isEqualTo(1);
                });
                JsonObject live = row[0];
                JsonObject play = api.get("/api/v1/plays?limit=10").array().stream().map(JsonObject.class::cast)
                        .filter(p -> "STREAM".equals(p.getString("mode"))).findFirst().orElseThrow();
                JsonObject payload = new JsonObject(play.getString("payload"));
                assertThat(live.getJsonObject("broadcasts").getLong("expected")).isEqualTo(1);
                assertThat(live.getJsonObject("broadcasts").getLong("played")).as(payload.encodePrettily())
                        .isEqualTo("PLAYED".equals(play.getString("outcome")) ? 1 : 0);
                assertThat(play.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
                assertThat(live.getLong("airtimeMs")).as(payload.encodePrettily())
                        .isEqualTo(payload.getLong("onAirMs")).isPositive();
                assertThat(live.getJsonObject("loops").getLong("playedAirtimeMs")).isZero();
            }
        }
    }
}
