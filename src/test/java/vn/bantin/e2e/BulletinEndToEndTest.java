package vn.bantin.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.TestController;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: real controller, real agent process, real mpv")
class BulletinEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a one-off bulletin starts within 1 s of its time, its signed record arrives verified and the report counts it")
    void bulletinPlaysOnTimeAndIsReported() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("controller"))) {
            Scenario world = Scenario.speakerInCommune(controller.api());
            long asset = world.toneAsset(dir, 3);
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode).start()) {
                Eventually.within(Duration.ofSeconds(30), () ->
                        assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
                assertThat(world.endpoint().getString("status")).isEqualTo("ACTIVE");

                Instant due = Scenario.secondsAhead(8);
                long campaign = world.bulletinAt("Bản tin Nghị quyết 57", asset, List.of(due));

                Eventually.within(Duration.ofSeconds(40), () -> assertThat(world.playsOf(campaign)).hasSize(1));
                JsonObject play = world.playsOf(campaign).get(0);
                assertThat(play.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
                assertThat(play.getLong("scheduledStart")).isEqualTo(due.toEpochMilli());
                assertThat(Math.abs(play.getLong("actualStart") - due.toEpochMilli())).isLessThan(1000L);
                assertThat(play.getLong("actualEnd") - play.getLong("actualStart")).isBetween(2500L, 4500L);

                JsonObject evidence = controller.api().get("/api/v1/endpoints/" + world.endpointId + "/evidence")
                        .json();
                assertThat(evidence.getString("status")).isEqualTo("INTACT");

                JsonObject row = controller.api().get("/api/v1/reports?period=today").json()
                        .getJsonArray("campaigns").stream().map(o -> (JsonObject) o)
                        .filter(r -> r.getLong("id") == campaign).findFirst().orElseThrow()
                        .getJsonObject("broadcasts");
                assertThat(row.getLong("expected")).isEqualTo(1L);
                assertThat(row.getLong("played")).isEqualTo(1L);
                assertThat(row.getDouble("completionRate")).isEqualTo(1.0);
            }
        }
    }

    @Test
    @DisplayName("an agent restarted while the controller is down plays its timeline and uploads later: none lost, none twice")
    void offlineRestartKeepsPlayingAndUploadsLater() throws Exception {
        int port = freePort();
        Path data = dir.resolve("controller");
        long campaign;
        Scenario world;
        AgentProcess agent;
        String token;
        try (TestController controller = TestController.start(data, port, 64L << 20)) {
            token = controller.token();
            world = Scenario.speakerInCommune(controller.api());
            long asset = world.toneAsset(dir, 2);
            agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode).start();
            Eventually.within(Duration.ofSeconds(30), () ->
                    assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
            campaign = world.bulletinAt("Bản tin phòng chống bão", asset,
                    List.of(Scenario.secondsAhead(14), Scenario.secondsAhead(20), Scenario.secondsAhead(26)));
            Eventually.within(Duration.ofSeconds(15), () -> {
                assertThat(agent.status().getString("timelineVersion")).isNotNull();
                assertThat(agent.log()).contains("cached");
            });
        }
        agent.kill();
        agent.start();
        try {
            Path spool = dir.resolve("agent").resolve("state").resolve("spool");
            Eventually.within(Duration.ofSeconds(45), () -> assertThat(spooled(spool)).as(agent.log()).isEqualTo(3));
            try (TestController controller = TestController.start(data, port, 64L << 20, token)) {
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.playsOf(campaign)).hasSize(3));
                List<JsonObject> plays = world.playsOf(campaign);
                assertThat(plays).allSatisfy(p -> assertThat(p.getString("outcome")).isEqualTo("PLAYED"));
                assertThat(plays.stream().map(p -> p.getLong("scheduledStart")).distinct()).hasSize(3);
                JsonObject evidence = controller.api().get("/api/v1/endpoints/" + world.endpointId + "/evidence")
                        .json();
                assertThat(evidence.getString("status")).isEqualTo("INTACT");
                Thread.sleep(3000);
                assertThat(world.playsOf(campaign)).hasSize(3);
                assertThat(agent.status().getInteger("spooledRecords")).isZero();
            }
        } finally {
            agent.close();
        }
    }

    /** The play records waiting in the agent's spool for the controller (its numbered files). */
    private static long spooled(Path spool) throws IOException {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(spool)) {
            return s.filter(f -> f.getFileName().toString().matches("\\d+\\.json")).count();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
