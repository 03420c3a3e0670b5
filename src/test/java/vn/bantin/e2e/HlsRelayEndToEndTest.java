package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Sha256;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HlsStation;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: a scheduled relay of a live HLS station (ffmpeg's HLS path) through a real agent and mpv")
class HlsRelayEndToEndTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(HlsStation.Cut.class)
    @DisplayName("the station goes off the air mid-window (encoder killed: the playlist stops growing; encoder stopped:"
            + " the playlist ends; web server down): the fallback fills the gap, the relay resumes when the station is"
            + " back, the record states on-air time and one gap")
    void relaySurvivesTheStationGoingOffTheAir(HlsStation.Cut how) throws Exception {
        try (HlsStation station = HlsStation.tone(dir.resolve("station"), 660);
             TestController controller = TestController.start(dir.resolve("controller"))) {
            HttpApi api = controller.api();
            Scenario world = Scenario.speakerInCommune(api);
            JsonObject filler = api.approvedAsset(Ffmpeg.tone(dir, "nhac-cho.wav", 3));
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode).start()) {
                Eventually.within(Duration.ofSeconds(30), () ->
                        assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
                HttpApi.Answer registered = api.post("/api/v1/sources", new JsonObject()
                        .put("name", "Đài tỉnh (HLS)").put("url", station.url())
                        .put("fallbackAssetId", filler.getLong("id")));
                assertThat(registered.status()).as(registered.body()).isEqualTo(201);
                // a one-minute window (the shortest a slot has) that began 20 s ago: the agent joins it mid-way
                LocalDateTime start = LocalDateTime.now(Scenario.ZONE).truncatedTo(ChronoUnit.SECONDS).minusSeconds(20);
                long scheduledAt = System.currentTimeMillis();
                long campaign = world.relayCampaign(registered.json().getLong("id"), start, 1);
                long windowEnd = start.atZone(Scenario.ZONE).toInstant().toEpochMilli() + 60_000;

                Eventually.within(Duration.ofSeconds(20), () ->
                        assertThat(station.segmentFetchedAt()).as(agent.log()).isGreaterThan(scheduledAt));
                Thread.sleep(3_000);
                long cutAt = System.currentTimeMillis();
                station.cut(how);
                Thread.sleep(8_000);
                long restoredAt = System.currentTimeMillis();
                station.restore();
                Eventually.within(Duration.ofSeconds(15), () ->
                        assertThat(station.segmentFetchedAt()).as(agent.log()).isGreaterThan(restoredAt));

                Eventually.within(Duration.ofMillis(windowEnd - System.currentTimeMillis() + 30_000), () ->
                        assertThat(world.playsOf(campaign)).hasSize(1));
                JsonObject play = world.playsOf(campaign).get(0);
                JsonObject payload = new JsonObject(play.getString("payload"));
                assertThat(play.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
                assertThat(play.getString("mode")).isEqualTo("STREAM");
                assertThat(play.getString("sha256")).isEqualTo(Sha256.hex(station.url()));
                assertThat(play.getLong("actualEnd")).isBetween(windowEnd - 1_000, windowEnd + 2_000);

                JsonArray gaps = payload.getJsonArray("gaps");
                assertThat(gaps).as("one gap, no flapping on the stale playlist: %s\nagent log:\n%s",
                        payload.encodePrettily(), agent.log()).hasSize(1);
                JsonObject gap = gaps.getJsonObject(0);
                // mpv plays what was listed before the cut (the live edge is a few segments ahead), then stalls
                assertThat(gap.getLong("from")).isBetween(cutAt - 1_000, cutAt + 6_000);
                assertThat(gap.getLong("to")).isBetween(restoredAt, restoredAt + 15_000);
                assertThat(gap.getString("reason")).containsAnyOf("stream ended", "stalled", "did not start");
                assertThat(gap.getString("fallback")).as("the filler's speaker rendition looped in the gap")
                        .isEqualTo(Scenario.speakerRendition(filler));
                long span = play.getLong("actualEnd") - play.getLong("actualStart");
                assertThat(payload.getLong("onAirMs")).isEqualTo(span - (gap.getLong("to") - gap.getLong("from")));

                JsonObject evidence = api.get("/api/v1/endpoints/" + world.endpointId + "/evidence").json();
                assertThat(evidence.getString("status")).isEqualTo("INTACT");
                Eventually.within(Duration.ofSeconds(10), () ->
                        assertThat(agent.status().getInteger("spooledRecords")).isZero());
            }
        }
    }
}
