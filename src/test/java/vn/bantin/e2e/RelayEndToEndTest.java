package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Sha256;
import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Icecast;
import vn.bantin.support.StationFeed;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: a scheduled relay of a real Icecast2 station through a real agent and mpv")
class RelayEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the station cut mid-window: the fallback fills the gap, the relay resumes, the record states on-air time and the gap")
    void relaySurvivesTheStationBeingCut() throws Exception {
        try (IcecastServer icecast = Icecast.start(dir);
             StationFeed station = StationFeed.tone(icecast, "/tinh.mp3", 440, StationFeed.Codec.MP3);
             TestController controller = TestController.start(dir.resolve("controller"))) {
            HttpApi api = controller.api();
            Scenario world = Scenario.speakerInCommune(api);
            JsonObject filler = api.approvedAsset(Ffmpeg.tone(dir, "nhac-cho.wav", 3));
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    world.enrollmentCode).start()) {
                Eventually.within(Duration.ofSeconds(30), () ->
                        assertThat(world.endpoint().getLong("lastSeenAt")).isNotNull());
                long source = api.post("/api/v1/sources", new JsonObject().put("name", "Đài tỉnh")
                        .put("url", station.url()).put("fallbackAssetId", filler.getLong("id"))).json().getLong("id");
                // a one-minute window (the shortest a slot has) that began 35 s ago: the agent joins it mid-way
                LocalDateTime start = LocalDateTime.now(Scenario.ZONE).truncatedTo(ChronoUnit.SECONDS).minusSeconds(35);
                long campaign = world.relayCampaign(source, start, 1);
                long windowEnd = start.atZone(Scenario.ZONE).toInstant().toEpochMilli() + 60_000;

                Eventually.within(Duration.ofSeconds(20), () -> assertThat(icecast.listeners("/tinh.mp3")).isEqualTo(1));
                Thread.sleep(2_000);
                long cutAt = System.currentTimeMillis();
                station.cut();
                Thread.sleep(6_000);
                long restoredAt = System.currentTimeMillis();
                station.restore();
                Eventually.within(Duration.ofSeconds(20), () -> assertThat(icecast.listeners("/tinh.mp3")).isEqualTo(1));

                Eventually.within(Duration.ofMillis(windowEnd - System.currentTimeMillis() + 30_000), () ->
                        assertThat(world.playsOf(campaign)).hasSize(1));
                JsonObject play = world.playsOf(campaign).get(0);
                JsonObject payload = new JsonObject(play.getString("payload"));
                assertThat(play.getString("outcome")).as(agent.log()).isEqualTo("PLAYED");
                assertThat(play.getString("mode")).isEqualTo("STREAM");
                assertThat(play.getString("sha256")).isEqualTo(Sha256.hex(station.url()));
                assertThat(play.getLong("actualEnd")).isBetween(windowEnd - 1_000, windowEnd + 2_000);

                JsonArray gaps = payload.getJsonArray("gaps");
                assertThat(gaps).as(payload.encodePrettily()).hasSize(1);
                JsonObject gap = gaps.getJsonObject(0);
                assertThat(gap.getLong("from")).isBetween(cutAt - 3_000, cutAt + 5_000);
                assertThat(gap.getLong("to")).isBetween(restoredAt, restoredAt + 15_000);
                assertThat(gap.getString("reason")).containsAnyOf("stream ended", "stalled", "did not start");
                String speakerFiller = Scenario.speakerRendition(filler);
                assertThat(gap.getString("fallback")).as("the filler's speaker rendition looped in the gap; agent log:\n%s",
                        agent.log()).isEqualTo(speakerFiller).isNotEqualTo(filler.getString("sha256"));
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
