package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: an emergency alert preempts a playing loop on a real agent with real mpv")
class AlertEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("pushed to the agent, the alert starts within 1 s of its entry start, cuts the loop item, and the loop resumes")
    void alertPreemptsLoop() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("controller"))) {
            Scenario world = Scenario.speakerInCommune(controller.api());
            long loopItem = world.api.approvedAsset(Ffmpeg.tone(dir, "nhac-nen.wav", 6)).getLong("id");
            long siren = world.api.upload(Ffmpeg.tone(dir, "coi-bao-dong.wav", 3), "coi-bao-dong.wav").json()
                    .getLong("id");
            AgentProcess configured = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode);
            // slow polling and heartbeats: only the push can bring the alert in time
            Files.writeString(dir.resolve("agent/agent.properties"), "poll.seconds=120\nheartbeat.seconds=60\n",
                    StandardOpenOption.APPEND);
            try (AgentProcess agent = configured.start()) {
                Eventually.within(Duration.ofSeconds(30), () ->
                        assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
                long loop = world.loopCampaign("Nhạc nền xã", loopItem, 10);
                Eventually.within(Duration.ofSeconds(20), () -> assertThat(agent.status()
                        .getJsonObject("nowPlaying")).as(agent.log()).isNotNull());
                Thread.sleep(1_000);

                JsonObject alert = world.api.post("/api/v1/alerts", new JsonObject().put("title", "Cháy rừng: sơ tán")
                        .put("audioAssetId", siren)
                        .put("targets", new JsonObject().put("areas", new JsonArray().add(world.areaId)))).json();
                long alertStart = alert.getLong("start");

                Eventually.within(Duration.ofSeconds(20), () -> assertThat(emergencies(world)).as(agent.log())
                        .isNotEmpty());
                JsonObject played = emergencies(world).get(0);
                assertThat(played.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
                assertThat(played.getLong("scheduledStart")).isEqualTo(alertStart);
                assertThat(Math.abs(played.getLong("actualStart") - alertStart)).as(agent.log()).isLessThan(1000L);
                assertThat(played.getLong("campaignId")).isZero();

                List<JsonObject> loopPlays = world.playsOf(loop);
                assertThat(loopPlays).as(agent.log()).anySatisfy(p -> {
                    assertThat(p.getString("outcome")).isEqualTo("INTERRUPTED");
                    assertThat(p.getString("reason")).isEqualTo("preempted by emergency alert");
                    assertThat(p.getLong("actualEnd")).isBetween(alertStart - 1000, alertStart + 100);
                });
                Eventually.within(Duration.ofSeconds(15), () -> assertThat(world.playsOf(loop)).as(agent.log())
                        .anySatisfy(p -> assertThat(p.getLong("actualStart"))
                                .isGreaterThanOrEqualTo(played.getLong("actualEnd") - 100)));
            }
        }
    }

    private static List<JsonObject> emergencies(Scenario world) {
        return world.api.get("/api/v1/plays?limit=1000").array().stream().map(o -> (JsonObject) o)
                .filter(p -> "EMERGENCY".equals(p.getString("class"))).toList();
    }
}
