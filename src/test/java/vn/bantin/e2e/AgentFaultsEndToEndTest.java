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
import vn.bantin.security.Sha256;
import vn.bantin.support.LoopbackRelay;
import vn.bantin.support.SmallDisk;
import vn.bantin.support.TestController;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults on the pole, with the real agent process, real mpv and a real controller. One controller (and its
 * tone) serves the tests that leave it running, each with an endpoint of its own; the power-cut test stops
 * and restarts its own.
 */
@DisplayName("End to end: the agent through a full disk, a kill -9 before upload, a torn record and a flapping link")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentFaultsEndToEndTest {

    private TestController controller;
    private long tone;

    @BeforeAll
    void controller(@TempDir Path shared) throws Exception {
        controller = TestController.start(shared.resolve("controller"));
        tone = Scenario.speakerInCommune(controller.api()).toneAsset(shared, 2);
    }

    @AfterAll
    void stop() throws Exception {
        controller.close();
    }

    @Test
    @DisplayName("disk full: it keeps playing, holds its records in memory and uploads them, reports disk_full,"
            + " writes again when space returns and never reuses a seq")
    void diskFull(@TempDir Path dir) throws Exception {
        Scenario world = Scenario.speakerInCommune(controller.api());
        long asset = tone;
        Path agentDir = dir.resolve("agent");
        try (SmallDisk disk = SmallDisk.mount(agentDir.resolve("state"), 8L << 20);
             AgentProcess agent = AgentProcess.configure(agentDir, controller.baseUrl(),
                     TestController.controllerKeyFingerprint(controller.baseUrl()), "SPEAKER", world.enrollmentCode,
                     // heartbeats 5 minutes apart: the fault's coming and going must be sent at once
                     Map.of("poll.seconds", "1", "heartbeat.seconds", "300")).start()) {
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
            long campaign = world.bulletinAt("Bản tin khi thẻ nhớ đầy", asset,
                    List.of(Scenario.secondsAhead(14), Scenario.secondsAhead(18), Scenario.secondsAhead(22)));
            awaitCached(agent);
            disk.fill();

            Eventually.within(Duration.ofSeconds(25), () -> assertThat(activeFaults(world)).as(agent.log())
                    .contains("disk_full"));
            Eventually.within(Duration.ofSeconds(40), () -> assertThat(world.playsOf(campaign)).as(agent.log())
                    .hasSize(3));
            assertThat(world.playsOf(campaign)).allSatisfy(p -> assertThat(p.getString("outcome")).isEqualTo("PLAYED"));
            assertThat(agent.alive()).isTrue();

            disk.free();
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(activeFaults(world)).as(agent.log())
                    .doesNotContain("disk_full"));
            agent.kill();
            agent.start();
            long after = world.bulletinAt("Bản tin sau khi khởi động lại", asset, List.of(Scenario.secondsAhead(12)));
            Eventually.within(Duration.ofSeconds(40), () -> assertThat(world.playsOf(after)).as(agent.log()).hasSize(1));
            assertThat(world.playsOf(campaign)).as("none played or sent twice").hasSize(3);
            assertThat(controller.api().get("/api/v1/endpoints/" + world.endpointId + "/evidence").json()
                    .getString("status")).as("seq 4 follows seq 3: no seq reused").isEqualTo("INTACT");
        }
    }

    @Test
    @DisplayName("controller down, agent killed with records spooled and the last one torn: the others are uploaded"
            + " exactly once after the restart and the torn one is explained by a TORN gap notice the controller holds")
    void killBeforeUploadWithATornLastRecord(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path data = dir.resolve("controller");
        Path agentDir = dir.resolve("agent");
        Path spool = agentDir.resolve("state").resolve("spool");
        Scenario world;
        long campaign;
        String token;
        AgentProcess agent;
        try (TestController own = TestController.start(data, port, 64L << 20)) {
            token = own.token();
            world = Scenario.speakerInCommune(own.api());
            long asset = world.toneAsset(dir, 2);
            agent = AgentProcess.configure(agentDir, own.baseUrl(), "SPEAKER", world.enrollmentCode).start();
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
            campaign = world.bulletinAt("Bản tin khi mất điện", asset,
                    List.of(Scenario.secondsAhead(14), Scenario.secondsAhead(19), Scenario.secondsAhead(24)));
            awaitCached(agent);
        }
        try {
            Eventually.within(Duration.ofSeconds(40), () -> assertThat(Files.exists(spool.resolve("3.json")))
                    .as(agent.log()).isTrue());
            agent.kill();
            byte[] whole = Files.readAllBytes(spool.resolve("3.json"));
            Files.write(spool.resolve("3.json"), Arrays.copyOf(whole, whole.length / 2));

            agent.start();
            try (TestController own = TestController.start(data, port, 64L << 20, token)) {
                Eventually.within(Duration.ofSeconds(40), () -> {
                    assertThat(world.playsOf(campaign)).as(agent.log()).hasSize(2);
                    assertThat(files(spool.resolve("notices"))).as("the controller acknowledged holding the notice")
                            .isEmpty();
                    assertThat(files(spool)).as("every readable record uploaded and deleted").isEmpty();
                });
                Thread.sleep(3_000);
                List<JsonObject> plays = world.playsOf(campaign);
                assertThat(plays).as("exactly once").hasSize(2);
                assertThat(plays.stream().map(p -> p.getLong("scheduledStart")).distinct()).hasSize(2);
                assertThat(plays).allSatisfy(p -> assertThat(p.getString("outcome")).isEqualTo("PLAYED"));
                assertThat(spool.resolve("torn").resolve("3.json")).as("the torn bytes are kept").exists();
                assertThat(agent.log()).as("reported in a heartbeat").contains("fault record_torn: record 3");
            }
        } finally {
            agent.close();
        }
    }

    @Test
    @DisplayName("a flapping link: bulletins play on time while the link drops every few seconds, and every record"
            + " arrives exactly once")
    void flappingNetwork(@TempDir Path dir) throws Exception {
        try (LoopbackRelay link = new LoopbackRelay(controller.port())) {
            Scenario world = Scenario.speakerInCommune(controller.api());
            long asset = tone;
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), link.url(),
                    TestController.controllerKeyFingerprint(controller.baseUrl()), "SPEAKER", world.enrollmentCode,
                    Map.of("poll.seconds", "1", "heartbeat.seconds", "1")).start()) {
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
                List<Instant> starts = List.of(Scenario.secondsAhead(13), Scenario.secondsAhead(17),
                        Scenario.secondsAhead(21), Scenario.secondsAhead(25));
                long campaign = world.bulletinAt("Bản tin khi mạng chập chờn", asset, starts);
                awaitCached(agent);
                int cuts = 0;
                while (System.currentTimeMillis() < starts.get(3).toEpochMilli() + 4_000) {
                    link.cut();
                    cuts++;
                    Thread.sleep(1_500);
                    link.restore();
                    Thread.sleep(2_500);
                }
                assertThat(cuts).isGreaterThan(5);

                Eventually.within(Duration.ofSeconds(40), () -> assertThat(world.playsOf(campaign)).as(agent.log())
                        .hasSize(4));
                Thread.sleep(3_000);
                List<JsonObject> plays = world.playsOf(campaign);
                assertThat(plays).as("exactly once").hasSize(4);
                assertThat(plays.stream().map(p -> p.getLong("scheduledStart")).distinct()).hasSize(4);
                assertThat(plays).allSatisfy(p -> {
                    assertThat(p.getString("outcome")).isEqualTo("PLAYED");
                    assertThat(Math.abs(p.getLong("actualStart") - p.getLong("scheduledStart"))).isLessThan(1_000L);
                });
                assertThat(controller.api().get("/api/v1/endpoints/" + world.endpointId + "/evidence").json()
                        .getString("status")).isEqualTo("INTACT");
            }
        }
    }

    @Test
    @DisplayName("kill -9 in the middle of a media download: no cache entry but the partial file, and after the"
            + " restart the download resumes with a Range request from where it stopped and the file is verified")
    void killDuringMediaDownload(@TempDir Path dir) throws Exception {
        try (LoopbackRelay link = new LoopbackRelay(controller.port())) {
            Scenario world = Scenario.speakerInCommune(controller.api());
            long asset = world.toneAsset(dir, 120);
            Path media = dir.resolve("agent").resolve("state").resolve("media");
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), link.url(),
                    TestController.controllerKeyFingerprint(controller.baseUrl()), "SPEAKER", world.enrollmentCode,
                    Map.of("poll.seconds", "1", "heartbeat.seconds", "5")).start()) {
                Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
                link.throttle(64 * 1024);
                world.bulletinAt("Bản tin dài tải chậm", asset, List.of(Scenario.secondsAhead(600)));
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(partial(media)).as(agent.log())
                        .hasValueSatisfying(p -> assertThat(size(p)).isGreaterThan(100_000)));
                agent.kill();
                Path part = partial(media).orElseThrow();
                long had = Files.size(part);
                String sha = part.getFileName().toString().replace(".part", "");
                assertThat(media.resolve(sha)).as("nothing in the cache under the media's name").doesNotExist();

                link.throttle(0);
                agent.start();
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(media.resolve(sha)).as(agent.log()).exists());
                assertThat(part).doesNotExist();
                assertThat(Sha256.hex(Files.readAllBytes(media.resolve(sha)))).as("the cached file is the media").isEqualTo(sha);
                assertThat(link.sentByAgent().toLowerCase(java.util.Locale.ROOT))
                        .as("the controller was asked for the rest only").contains("range: bytes=" + had + "-");
                assertThat(agent.log()).contains("resuming the download from byte " + had);
            }
        }
    }

    private static Optional<Path> partial(Path media) throws IOException {
        if (!Files.isDirectory(media)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(media)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".part")).findFirst();
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void awaitCached(AgentProcess agent) throws Exception {
        Eventually.within(Duration.ofSeconds(15), () -> {
            assertThat(agent.status().getString("timelineVersion")).isNotNull();
            assertThat(agent.log()).contains("cached");
        });
    }

    private static List<String> activeFaults(Scenario world) {
        return faults(world).filter(f -> f.getBoolean("active", false)).map(f -> f.getString("code")).toList();
    }

    private static Stream<JsonObject> faults(Scenario world) {
        JsonObject heartbeat = world.endpoint().getJsonObject("heartbeat");
        JsonArray faults = heartbeat == null ? null : heartbeat.getJsonArray("faults");
        return faults == null ? Stream.empty() : faults.stream().map(o -> (JsonObject) o);
    }

    /** The record or notice files in a spool directory (not its subdirectories or {@code last}). */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().matches("\\d.*\\.json")).toList();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
