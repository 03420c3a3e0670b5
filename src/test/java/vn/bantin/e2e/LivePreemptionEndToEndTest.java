package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Microphone;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: an EMERGENCY live session cuts a bulletin on the air of a real agent, which returns to its timeline")
class LivePreemptionEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the bulletin is recorded INTERRUPTED naming the session, the live stream plays, then the loop comes back")
    void emergencyLiveCutsTheBulletin() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("controller"))) {
            HttpApi api = controller.api();
            Scenario world = Scenario.speakerInCommune(api);
            long bulletin = world.toneAsset(dir, 60);
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode).start()) {
                Eventually.within(Duration.ofSeconds(40), () -> assertThat(agent.log()).contains("push stream open"));
                long campaign = world.loopCampaign("Bản tin sáng", bulletin, 3);
                Eventually.within(Duration.ofSeconds(40), () -> assertThat(playing(agent)).isEqualTo("LOOP"));
                Thread.sleep(2_000);

                long session = api.post("/api/v1/live-sessions", new JsonObject().put("title", "Lũ về")
                        .put("broadcastClass", "EMERGENCY").put("targets", new JsonObject()
                                .put("areaIds", new JsonArray().add(world.areaId)))).json().getLong("id");
                try (Microphone mic = Microphone.open(controller.baseUrl(), controller.token(), session)) {
                    Thread speaking = new Thread(() -> {
                        try {
                            mic.speak(Ffmpeg.clicks(dir, "clicks.wav", 40));
                        } catch (Exception e) {
                            // ended while still speaking: the test is over
                        }
                    });
                    speaking.setDaemon(true);
                    speaking.start();
                    Eventually.within(Duration.ofSeconds(40), () -> assertThat(playing(agent)).as(agent.log())
                            .isEqualTo("STREAM"));
                    Eventually.within(Duration.ofSeconds(20), () -> assertThat(world.playsOf(campaign))
                            .as("the cut bulletin's record").isNotEmpty());
                    JsonObject cut = world.playsOf(campaign).get(0);
                    assertThat(cut.getString("outcome")).isEqualTo("INTERRUPTED");
                    assertThat(cut.getString("reason")).isEqualTo("preempted by emergency live session " + session);
                    Thread.sleep(3_000);
                    mic.end();
                    Eventually.within(Duration.ofSeconds(30), () -> assertThat(playing(agent))
                            .as("back to its timeline").isEqualTo("LOOP"));
                    List<JsonObject> live = api.get("/api/v1/plays?limit=1000").array().stream()
                            .map(o -> (JsonObject) o).filter(p -> "STREAM".equals(p.getString("mode"))).toList();
                    Eventually.within(Duration.ofSeconds(20), () -> assertThat(api.get("/api/v1/plays?limit=1000")
                            .array().stream().map(o -> (JsonObject) o).filter(p -> "STREAM".equals(p.getString("mode"))))
                            .as("the live session's record").singleElement()
                            .satisfies(p -> assertThat(p.getString("class")).isEqualTo("EMERGENCY")));
                    assertThat(live.size()).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    private static String playing(AgentProcess agent) throws Exception {
        JsonObject now = agent.status().getJsonObject("nowPlaying");
        return now == null ? null : now.getString("mode");
    }
}
