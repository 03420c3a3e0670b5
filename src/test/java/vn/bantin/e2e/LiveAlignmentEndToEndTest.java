package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Microphone;
import vn.bantin.support.MpvWatch;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: two real agents on one live Icecast stream play it together, aligned to its timestamps")
class LiveAlignmentEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a loudspeaker that joins 4 s after another plays the same instant within 100 ms, both at the fixed delay after the stream's timestamps")
    void twoAgentsJoinedApartPlayTogether() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("controller"))) {
            HttpApi api = controller.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")
                    .put("zone", Scenario.ZONE.getId())).json().getLong("id");
            String first = enrollmentCode(api, area, "Cụm loa thôn 1");
            String second = enrollmentCode(api, area, "Cụm loa thôn 2");
            Path clicks = vn.bantin.support.Ffmpeg.clicks(dir, "clicks.wav", 60);
            // both enrolled before the session opens (it reaches the loudspeakers active then); the second is
            // then off, and joins the session 4 s after the first, as a loudspeaker powered up mid-session does
            try (AgentProcess a = AgentProcess.configure(dir.resolve("a"), controller.baseUrl(), "SPEAKER", first)
                    .start();
                 AgentProcess b = AgentProcess.configure(dir.resolve("b"), controller.baseUrl(), "SPEAKER", second)
                         .start()) {
                Eventually.within(Duration.ofSeconds(40), () -> {
                    assertThat(a.log()).contains("push stream open");
                    assertThat(b.log()).contains("push stream open");
                });
                b.close();
                long session = api.post("/api/v1/live-sessions", new JsonObject().put("title", "Loa đồng bộ")
                        .put("broadcastClass", "EMERGENCY").put("targets", new JsonObject()
                                .put("areaIds", new JsonArray().add(area)))).json().getLong("id");
                try (Microphone mic = Microphone.open(controller.baseUrl(), controller.token(), session)) {
                    Thread speaking = new Thread(() -> {
                        try {
                            mic.speak(clicks);
                        } catch (Exception e) {
                            // the session is ended while the microphone still speaks: the test is over
                        }
                    });
                    speaking.setDaemon(true);
                    speaking.start();
                    MpvWatch watchA = awaitPlaying(a);
                    Thread.sleep(4_000);
                    b.start();
                    try (MpvWatch watchB = awaitPlaying(b)) {
                        long epoch = epochOf(api, session);
                        Thread.sleep(5_000); // the late one settles: holds or speeds up within ~2 s
                        List<Double> offsets = new ArrayList<>();
                        List<Double> lagsA = new ArrayList<>();
                        List<Double> lagsB = new ArrayList<>();
                        StringBuilder trace = new StringBuilder();
                        long until = System.currentTimeMillis() + 10_000;
                        while (System.currentTimeMillis() < until) {
                            MpvWatch.Sample sa = watchA.sample();
                            MpvWatch.Sample sb = watchB.sample();
                            assertThat(sa).as(a.log()).isNotNull();
                            assertThat(sb).as(b.log()).isNotNull();
                            offsets.add(Math.abs(sa.lagMs(epoch) - sb.lagMs(epoch)));
                            lagsA.add(sa.lagMs(epoch));
                            lagsB.add(sb.lagMs(epoch));
                            trace.append(String.format(java.util.Locale.ROOT, "%.0f/%.0f ", sa.lagMs(epoch),
                                    sb.lagMs(epoch)));
                            Thread.sleep(100);
                        }
                        // the target is p99 ≤ 100 ms (ops/bench/live reports it); on a loaded test machine one
                        // scheduling hiccup of one mpv in 100 samples must not fail the proof, so p95 here
                        assertThat(percentile(offsets, 50)).as("median offset, ms; lags a/b: %s", trace)
                                .isLessThanOrEqualTo(50.0);
                        assertThat(percentile(offsets, 95)).as("offset between the two loudspeakers, ms; lags a/b: %s",
                                trace).isLessThanOrEqualTo(100.0);
                        // both play at the agent's fixed delay (PlayoutAlignment.DEFAULT_DELAY_MS) after the stream's
                        // timestamps, not at whatever delay their connecting gave them
                        assertThat(percentile(lagsA, 50)).as("first agent's delay, ms").isBetween(1400.0, 1600.0);
                        assertThat(percentile(lagsB, 50)).as("late agent's delay, ms").isBetween(1400.0, 1600.0);
                        assertThat(Math.max(Collections.max(lagsA), Collections.max(lagsB)))
                                .as("stream timestamp to playout, ms").isLessThan(3_000.0);
                        assertThat(a.log() + b.log()).doesNotContain("alignment stopped");
                        mic.end();
                        Eventually.within(Duration.ofSeconds(30), () -> assertThat(livePlays(api))
                                .as("both loudspeakers record the session").hasSize(2)
                                .allSatisfy(p -> assertThat(p.getString("outcome")).isEqualTo("PLAYED")));
                    }
                }
            }
        }
    }

    private static String enrollmentCode(HttpApi api, long area, String name) {
        long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
        return api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
    }

    /** Once the agent's mpv plays the live stream (it has a position), an observer on its IPC socket. */
    private static MpvWatch awaitPlaying(AgentProcess agent) throws Exception {
        MpvWatch[] watch = new MpvWatch[1];
        Eventually.within(Duration.ofSeconds(40), () -> {
            JsonObject playing = agent.status().getJsonObject("nowPlaying");
            assertThat(playing).as(agent.log()).isNotNull();
            assertThat(playing.getString("mode")).isEqualTo("STREAM");
            if (watch[0] == null) {
                watch[0] = MpvWatch.connect(agent.mpvSocket());
            }
            assertThat(watch[0].sample()).isNotNull();
        });
        return watch[0];
    }

    private static long epochOf(HttpApi api, long session) {
        return api.get("/api/v1/live-sessions/" + session).json().getLong("epochMs");
    }

    private static List<JsonObject> livePlays(HttpApi api) {
        return api.get("/api/v1/plays?limit=1000").array().stream().map(o -> (JsonObject) o)
                .filter(p -> "STREAM".equals(p.getString("mode")) && "EMERGENCY".equals(p.getString("class")))
                .toList();
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
