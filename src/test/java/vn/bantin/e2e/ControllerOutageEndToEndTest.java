package vn.bantin.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.TestController;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller stopped while a timeline of short items plays: a loop of 2-second items (one record each) with a
 * bulletin in the middle of the outage. The suite stops it for a minute; {@code -Dbantin.e2e.outage.seconds=3600}
 * runs the same test through an hour.
 */
@DisplayName("End to end: the controller down for a long stretch while the agent plays a timeline of short items")
class ControllerOutageEndToEndTest {

    private static final long OUTAGE_S = Long.getLong("bantin.e2e.outage.seconds", 60);
    private static final Pattern ACCEPTED = Pattern.compile("accepted: (\\d+) entries");
    private static final Pattern RECORD = Pattern.compile("record (\\d+): ");

    @TempDir
    Path dir;

    @Test
    @DisplayName("playback goes on through the outage, a bulletin due meanwhile plays on time, and afterwards every"
            + " record arrives: none lost, none twice, the evidence intact")
    void controllerDown() throws Exception {
        int port = freePort();
        Path data = dir.resolve("controller");
        Path spool = dir.resolve("agent").resolve("state").resolve("spool");
        String token;
        Scenario world;
        long loop;
        long bulletin;
        Instant bulletinAt;
        Instant down;
        AgentProcess agent;
        try (TestController controller = TestController.start(data, port, 64L << 20)) {
            token = controller.token();
            world = Scenario.speakerInCommune(controller.api());
            long asset = world.toneAsset(dir, 2);
            agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER", world.enrollmentCode)
                    .start();
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
            loop = world.loopCampaign("Nhạc nền suốt lúc mất kết nối", asset, (int) (OUTAGE_S + 90) / 60 + 1);
            bulletinAt = Scenario.secondsAhead(20 + (int) OUTAGE_S / 2);
            bulletin = world.bulletinAt("Bản tin giữa lúc mất kết nối", asset, List.of(bulletinAt));
            Eventually.within(Duration.ofSeconds(20), () -> {
                assertThat(agent.log()).contains("cached");
                assertThat(lastTimelineEntries(agent)).as("the bulletin splits the loop: " + agent.log())
                        .isGreaterThanOrEqualTo(2);
            });
            Thread.sleep(5_000);
            down = Instant.now();
        }
        try {
            Thread.sleep(OUTAGE_S * 1000);
            assertThat(agent.alive()).isTrue();
            long playedMeanwhile = records(agent).stream().filter(r -> r.seq > 0).count();
            assertThat(spooled(spool)).as("records kept while the controller was away: " + agent.log())
                    .isGreaterThanOrEqualTo(OUTAGE_S / 2 / 2);
            Instant up = Instant.now();
            try (TestController controller = TestController.start(data, port, 64L << 20, token)) {
                Eventually.within(Duration.ofSeconds(90), () -> assertThat(spooled(spool)).as(agent.log()).isZero());
                List<Long> written = records(agent).stream().map(r -> r.seq).toList();
                long last = written.stream().mapToLong(Long::longValue).max().orElse(0);
                assertThat(written).as("the agent numbered its records 1..n once each").doesNotHaveDuplicates()
                        .hasSize((int) last);
                JsonObject evidence = controller.api().get("/api/v1/endpoints/" + world.endpointId + "/evidence").json();
                assertThat(evidence.getString("status")).isEqualTo("INTACT");
                assertThat(evidence.getLong("records")).as("every record the agent wrote").isGreaterThanOrEqualTo(last);

                List<JsonObject> loopPlays = world.playsOf(loop);
                assertThat(loopPlays.stream().map(p -> p.getLong("actualStart")).distinct().count())
                        .as("no record twice").isEqualTo(loopPlays.size());
                long during = loopPlays.stream().filter(p -> p.getLong("actualStart") > down.toEpochMilli()
                        && p.getLong("actualStart") < up.toEpochMilli()).count();
                assertThat(during).as("the loop went on playing while the controller was down (2 s items)")
                        .isGreaterThanOrEqualTo(OUTAGE_S / 2 / 2);
                List<JsonObject> b = world.playsOf(bulletin);
                assertThat(b).hasSize(1);
                assertThat(b.get(0).getString("outcome")).isEqualTo("PLAYED");
                assertThat(Math.abs(b.get(0).getLong("actualStart") - bulletinAt.toEpochMilli())).isLessThan(1_000L);
                assertThat(playedMeanwhile).isPositive();
            }
        } finally {
            agent.close();
        }
    }

    record Written(long seq) {
    }

    /** The records the agent says it wrote ("record N: OUTCOME entry"), in order. */
    private static List<Written> records(AgentProcess agent) throws Exception {
        Matcher m = RECORD.matcher(agent.log());
        List<Written> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(new Written(Long.parseLong(m.group(1))));
        }
        return out;
    }

    private static int lastTimelineEntries(AgentProcess agent) throws Exception {
        Matcher m = ACCEPTED.matcher(agent.log());
        int n = 0;
        while (m.find()) {
            n = Integer.parseInt(m.group(1));
        }
        return n;
    }

    private static long spooled(Path spool) throws Exception {
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
