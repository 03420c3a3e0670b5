package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.security.Sha256;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.ClearOfMidnight;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real controller and a real speaker agent (with mpv) enrolled in a commune, with an approved filler to play
 * in a relay's gaps: what the relay end-to-end tests set up, and the checks every relayed record must pass.
 */
final class RelayingSpeaker implements AutoCloseable {

    /** A scheduled relay: its campaign, when it was scheduled and when its window starts and ends (epoch ms). */
    record Window(long campaign, long scheduledAt, long start, long end) {
    }

    final HttpApi api;
    final Scenario world;
    final JsonObject filler;
    final AgentProcess agent;
    private final TestController controller;

    private RelayingSpeaker(TestController controller, Scenario world, JsonObject filler, AgentProcess agent) {
        this.controller = controller;
        this.api = controller.api();
        this.world = world;
        this.filler = filler;
        this.agent = agent;
    }

    /** Starts both under {@code dir} and waits until the agent has been in contact. */
    static RelayingSpeaker start(Path dir) throws Exception {
        TestController controller = TestController.start(dir.resolve("controller"));
        AgentProcess agent = null;
        try {
            HttpApi api = controller.api();
            Scenario world = Scenario.speakerInCommune(api);
            JsonObject filler = api.approvedAsset(Ffmpeg.tone(dir, "nhac-cho.wav", 3));
            agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode).start();
            Eventually.within(Duration.ofSeconds(30), () ->
                    assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
            return new RelayingSpeaker(controller, world, filler, agent);
        } catch (Exception | Error e) {
            if (agent != null) {
                agent.close();
            }
            controller.close();
            throw e;
        }
    }

    /**
     * Registers the station as a source with the filler as its fallback and relays it in a one-minute window (the
     * shortest a slot has) that began {@code secondsAgo} ago: the agent joins it mid-way.
     */
    Window relayJoinedMidWay(String sourceName, String url, int secondsAgo) throws InterruptedException {
        return relayJoinedMidWay(sourceName, url, secondsAgo, 1);
    }

    /**
     * The same for a window of {@code minutes}. The window never spans Vietnamese midnight (the compiler would cut
     * it in two there): near it, this waits for the new day to be old enough.
     */
    Window relayJoinedMidWay(String sourceName, String url, int secondsAgo, int minutes) throws InterruptedException {
        return relayFrom(sourceName, url, -secondsAgo, minutes);
    }

    /**
     * The same for a window of {@code minutes} starting {@code secondsAhead} from now: planned before it starts, so
     * the report expects all of it.
     */
    Window relayStartingIn(String sourceName, String url, int secondsAhead, int minutes) throws InterruptedException {
        return relayFrom(sourceName, url, secondsAhead, minutes);
    }

    private Window relayFrom(String sourceName, String url, int secondsFromNow, int minutes)
            throws InterruptedException {
        int secondsAgo = -secondsFromNow;
        ClearOfMidnight.ensure(Duration.ofSeconds(minutes * 60L - secondsAgo + 30));
        long sinceMidnight = Duration.between(LocalDate.now(Scenario.ZONE).atStartOfDay(Scenario.ZONE),
                java.time.ZonedDateTime.now(Scenario.ZONE)).toMillis();
        if (sinceMidnight < (secondsAgo + 2) * 1000L) {
            Thread.sleep((secondsAgo + 2) * 1000L - sinceMidnight);
        }
        HttpApi.Answer registered = api.post("/api/v1/sources", new JsonObject()
                .put("name", sourceName).put("url", url).put("fallbackAssetId", filler.getLong("id")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        LocalDateTime start = LocalDateTime.now(Scenario.ZONE).truncatedTo(ChronoUnit.SECONDS).minusSeconds(secondsAgo);
        long scheduledAt = System.currentTimeMillis();
        long campaign = world.relayCampaign(registered.json().getLong("id"), start, minutes);
        long startMs = start.atZone(Scenario.ZONE).toInstant().toEpochMilli();
        return new Window(campaign, scheduledAt, startMs, startMs + minutes * 60_000L);
    }

    /** Waits for the window's one record: a played stream of {@code url} that ended with the window. */
    JsonObject playedRecord(Window window, String url) throws Exception {
        return records(window, url, 1).get(0);
    }

    /**
     * Waits for the window's {@code count} records (one per part: an alert cuts a window in two), all of streams of
     * {@code url}, in on-air order; the last one played to the window's end.
     */
    java.util.List<JsonObject> records(Window window, String url, int count) throws Exception {
        Eventually.within(Duration.ofMillis(window.end() - System.currentTimeMillis() + 30_000), () ->
                assertThat(world.playsOf(window.campaign())).as(agent.log()).hasSize(count));
        java.util.List<JsonObject> plays = world.playsOf(window.campaign()).stream()
                .sorted(java.util.Comparator.comparing(p -> p.getLong("actualStart"))).toList();
        for (JsonObject play : plays) {
            assertThat(play.getString("mode")).isEqualTo("STREAM");
            assertThat(play.getString("sha256")).isEqualTo(Sha256.hex(url));
        }
        JsonObject last = plays.get(count - 1);
        assertThat(last.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
        assertThat(last.getLong("actualEnd")).isBetween(window.end() - 1_000, window.end() + 2_000);
        return plays;
    }

    /** The record's only gap; {@code why} says what one gap means for this station. */
    JsonObject onlyGap(JsonObject play, String why) throws Exception {
        JsonObject payload = payload(play);
        JsonArray gaps = payload.getJsonArray("gaps");
        assertThat(gaps).as("%s: %s\nagent log:\n%s", why, payload.encodePrettily(), agent.log()).hasSize(1);
        return gaps.getJsonObject(0);
    }

    /** The gap closed once the station was back, for a reason a lost stream gives; on-air time leaves it out. */
    static void assertGapClosedOnRestore(JsonObject play, JsonObject gap, long restoredAt) {
        assertThat(gap.getLong("to")).isBetween(restoredAt, restoredAt + 15_000);
        assertThat(gap.getString("reason")).containsAnyOf("stream ended", "stalled", "did not start");
        long span = play.getLong("actualEnd") - play.getLong("actualStart");
        assertThat(payload(play).getLong("onAirMs")).isEqualTo(span - (gap.getLong("to") - gap.getLong("from")));
    }

    /** The endpoint's evidence chain is intact and the agent has nothing left to upload. */
    void assertEvidenceIntactAndSpoolEmpty() throws Exception {
        JsonObject evidence = api.get("/api/v1/endpoints/" + world.endpointId + "/evidence").json();
        assertThat(evidence.getString("status")).isEqualTo("INTACT");
        Eventually.within(Duration.ofSeconds(10), () ->
                assertThat(agent.status().getInteger("spooledRecords")).isZero());
    }

    static JsonObject payload(JsonObject play) {
        return new JsonObject(play.getString("payload"));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            agent.close();
        } finally {
            controller.close();
        }
    }
}
