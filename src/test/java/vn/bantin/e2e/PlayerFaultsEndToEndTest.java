package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** mpv hanging and crashing, and the system clock jumping, under the real agent process with a real controller. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("End to end: the agent through a frozen mpv, a crashed mpv and system clock jumps")
class PlayerFaultsEndToEndTest {

    private Path dir;
    private TestController controller;
    private long shortTone;
    private long longTone;

    @BeforeAll
    void controller(@TempDir Path dir) throws Exception {
        this.dir = dir;
        controller = TestController.start(dir.resolve("controller"));
        Scenario assets = Scenario.speakerInCommune(controller.api());
        shortTone = assets.toneAsset(dir, 2);
        longTone = assets.toneAsset(dir, 8);
    }

    @AfterAll
    void stop() throws Exception {
        controller.close();
    }

    @Test
    @DisplayName("mpv frozen (SIGSTOP) and then killed (SIGKILL) mid-bulletin: each time a new mpv runs within"
            + " seconds, the bulletin is recorded INTERRUPTED with the reason, and the next one plays on time")
    void mpvHangsAndCrashes() throws Exception {
        Scenario world = Scenario.speakerInCommune(controller.api());
        try (AgentProcess agent = agent(world, "mpv", Map.of())) {
            Instant frozen = Scenario.secondsAhead(15);
            Instant crashed = Scenario.secondsAhead(28);
            Instant after = Scenario.secondsAhead(41);
            long hit = world.bulletinAt("Bản tin khi mpv treo rồi chết", longTone, List.of(frozen, crashed));
            long next = world.bulletinAt("Bản tin sau đó", shortTone, List.of(after));

            long first = mpvDuring(agent, frozen);
            signal("-STOP", first);
            long second = awaitNewMpv(agent, first, Duration.ofSeconds(12));
            signal("-KILL", mpvDuring(agent, crashed));
            awaitNewMpv(agent, second, Duration.ofSeconds(8));

            Eventually.within(Duration.ofSeconds(30), () -> {
                assertThat(world.playsOf(hit)).as(agent.log()).hasSize(2);
                assertThat(world.playsOf(next)).as(agent.log()).hasSize(1);
            });
            JsonObject hung = playAt(world.playsOf(hit), frozen);
            assertThat(hung.getString("outcome")).as(agent.log()).isEqualTo("INTERRUPTED");
            assertThat(hung.getString("reason")).startsWith("mpv stopped answering for").endsWith("killed and restarted");
            JsonObject died = playAt(world.playsOf(hit), crashed);
            assertThat(died.getString("outcome")).as(agent.log()).isEqualTo("INTERRUPTED");
            assertThat(died.getString("reason")).contains("mpv").endsWith("mpv restarted");
            JsonObject played = world.playsOf(next).get(0);
            assertThat(played.getString("outcome")).isEqualTo("PLAYED");
            assertThat(Math.abs(played.getLong("actualStart") - after.toEpochMilli())).isLessThan(1_000L);
            assertThat(agent.log()).contains("fault mpv_restarted");
        }
    }

    @Test
    @DisplayName("the system clock set a minute back, then an hour forward: every bulletin plays once at its time,"
            + " the agent's signed calls are still accepted, clock_jump is reported and the evidence is intact")
    void systemClockJumps() throws Exception {
        Scenario world = Scenario.speakerInCommune(controller.api());
        Path skew = dir.resolve("skew-clock");
        Files.writeString(skew, "0");
        try (AgentProcess agent = agent(world, "clock", Map.of("clock.skew.file", skew.toString()))) {
            List<Instant> starts = List.of(Scenario.secondsAhead(15), Scenario.secondsAhead(20),
                    Scenario.secondsAhead(25), Scenario.secondsAhead(30));
            long campaign = world.bulletinAt("Bản tin khi đồng hồ nhảy", shortTone, starts);
            Eventually.within(Duration.ofSeconds(25), () -> assertThat(world.playsOf(campaign)).as(agent.log()).hasSize(1));
            Files.writeString(skew, "-60000");
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(world.playsOf(campaign)).as(agent.log()).hasSize(2));
            Files.writeString(skew, "3600000");

            Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.playsOf(campaign)).as(agent.log()).hasSize(4));
            Thread.sleep(2_000);
            List<JsonObject> plays = world.playsOf(campaign);
            assertThat(plays).as("once each").hasSize(4);
            for (Instant s : starts) {
                JsonObject p = playAt(plays, s);
                assertThat(p.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
                assertThat(Math.abs(p.getLong("actualStart") - s.toEpochMilli())).as(agent.log()).isLessThan(1_000L);
            }
            assertThat(agent.log()).contains("fault clock_jump");
            assertThat(controller.api().get("/api/v1/endpoints/" + world.endpointId + "/evidence").json()
                    .getString("status")).isEqualTo("INTACT");
        }
    }

    @Test
    @DisplayName("mpv never outlives its agent: an mpv left by an agent killed alone (kill -9) is ended by the next"
            + " agent before it starts its own, and a stopped agent (SIGTERM) ends its mpv")
    void mpvDoesNotOutliveTheAgent() throws Exception {
        Scenario world = Scenario.speakerInCommune(controller.api());
        AgentProcess agent = agent(world, "orphan", Map.of());
        try {
            long first = awaitNewMpv(agent, -1, Duration.ofSeconds(15));
            agent.killAgentOnly();
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive)).as("left behind by the kill")
                    .contains(true);

            agent.start();
            long second = awaitNewMpv(agent, first, Duration.ofSeconds(20));
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan was ended: " + agent.log()).isFalse();
            assertThat(agent.log()).contains("ending mpv pid " + first + " left running by an earlier agent");

            agent.close();
            assertThat(agent.exitCode(0)).as("ended by its SIGTERM, not forced").isEqualTo(143);
            Eventually.within(Duration.ofSeconds(3), () -> assertThat(
                    ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false)).as(agent.log()).isFalse());
        } finally {
            agent.close();
        }
    }

    private AgentProcess agent(Scenario world, String name, Map<String, String> more) throws Exception {
        Map<String, String> keys = new java.util.HashMap<>(Map.of("poll.seconds", "1", "heartbeat.seconds", "1"));
        keys.putAll(more);
        AgentProcess agent = AgentProcess.configure(dir.resolve(name), controller.baseUrl(),
                TestController.controllerKeyFingerprint(controller.baseUrl()), "SPEAKER", world.enrollmentCode, keys)
                .start();
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.endpoint().getLong("lastSeenAt"))
                .as(agent.log()).isNotNull());
        return agent;
    }

    /** The agent's mpv once the bulletin starting at {@code start} has played for two seconds. */
    private static long mpvDuring(AgentProcess agent, Instant start) throws Exception {
        long wait = start.toEpochMilli() + 2_000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        return mpv(agent).orElseThrow(() -> new AssertionError("no mpv under the agent"));
    }

    private static long awaitNewMpv(AgentProcess agent, long old, Duration within) throws Exception {
        long[] fresh = new long[1];
        Eventually.within(within, () -> {
            Optional<Long> now = mpv(agent);
            assertThat(now).as("a new mpv runs: " + agent.log()).isPresent().get().isNotEqualTo(old);
            fresh[0] = now.get();
        });
        return fresh[0];
    }

    private static Optional<Long> mpv(AgentProcess agent) {
        return ProcessHandle.of(agent.pid()).stream().flatMap(ProcessHandle::children)
                .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("mpv")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    private static void signal(String signal, long pid) throws Exception {
        assertThat(new ProcessBuilder("kill", signal, Long.toString(pid)).start().waitFor()).isZero();
    }

    private static JsonObject playAt(List<JsonObject> plays, Instant scheduled) {
        return plays.stream().filter(p -> p.getLong("scheduledStart") == scheduled.toEpochMilli()).findFirst()
                .orElseThrow(() -> new AssertionError("no record for " + scheduled + " in " + new JsonArray(plays)));
    }
}
