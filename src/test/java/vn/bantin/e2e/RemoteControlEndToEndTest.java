package vn.bantin.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: remote commands, stream heartbeats and presence with the real agent and real mpv")
class RemoteControlEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a screen answers screenshot, volume, re-sync and restart over its stream; killed, it goes offline")
    void commandsAndPresence() throws Exception {
        try (TestController controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("c").toString(),
                ConfigLoader.OFFLINE_AFTER_SECONDS, "3", ConfigLoader.PUSH_PING_SECONDS, "1"))) {
            Scenario world = Scenario.inCommune(controller.api(), "SCREEN");
            long clip = world.api.approvedAsset(Ffmpeg.video(dir, "clip.mp4", 4)).getLong("id");
            AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SCREEN",
                    world.enrollmentCode).start();
            try {
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(connections(world).getBoolean("online")).isTrue());
                long loop = world.loopCampaign("Màn hình chợ", clip, 10);
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(agent.status().getJsonObject("nowPlaying"))
                        .as(agent.log()).isNotNull());
                Eventually.within(Duration.ofSeconds(10), () -> assertThat(world.endpoint().getJsonObject("heartbeat")
                        .getString("mpv")).isEqualTo("PLAYING"));

                JsonObject shot = done(world, agent, command(world, new JsonObject().put("kind", "SCREENSHOT")));
                assertThat(shot.getString("detail")).endsWith("bytes PNG");
                byte[] png = world.api.bytes(shot.getString("screenshot"));
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');

                done(world, agent, command(world, new JsonObject().put("kind", "VOLUME").put("volume", 40)));
                done(world, agent, command(world, new JsonObject().put("kind", "RESYNC")));
                Eventually.within(Duration.ofSeconds(10), () -> assertThat(world.endpoint().getJsonObject("heartbeat")
                        .getInteger("masterVolume")).isEqualTo(40));

                JsonObject restart = done(world, agent, command(world, new JsonObject().put("kind", "RESTART_PLAYBACK")));
                Eventually.within(Duration.ofSeconds(15), () -> assertThat(world.playsOf(loop)).as(agent.log())
                        .anySatisfy(p -> {
                            assertThat(p.getString("outcome")).isEqualTo("INTERRUPTED");
                            assertThat(p.getString("reason")).startsWith("restarted by remote command " + restart.getLong("id"));
                        }));
                Eventually.within(Duration.ofSeconds(15), () -> assertThat(agent.status().getJsonObject("nowPlaying"))
                        .as("playing again after the restart").isNotNull());
            } finally {
                agent.kill();
            }
            long killedAt = System.currentTimeMillis();
            Eventually.within(Duration.ofSeconds(15), () -> assertThat(connections(world).getBoolean("online")).isFalse());
            JsonObject last = connections(world).getJsonArray("connections").getJsonObject(0);
            assertThat(last.getLong("disconnectedAt")).isBetween(killedAt - 3_000, killedAt + 1_000);
        }
    }

    private static long command(Scenario world, JsonObject body) {
        return world.api.post("/api/v1/endpoints/" + world.endpointId + "/commands", body).json().getLong("id");
    }

    private static JsonObject done(Scenario world, AgentProcess agent, long id) throws Exception {
        Eventually.within(Duration.ofSeconds(15), () -> assertThat(commandView(world, id).getString("status"))
                .as(agent.log()).isEqualTo("DONE"));
        return commandView(world, id);
    }

    private static JsonObject commandView(Scenario world, long id) {
        return world.api.get("/api/v1/endpoints/" + world.endpointId + "/commands/" + id).json();
    }

    private static JsonObject connections(Scenario world) {
        return world.api.get("/api/v1/endpoints/" + world.endpointId + "/connections").json();
    }
}
