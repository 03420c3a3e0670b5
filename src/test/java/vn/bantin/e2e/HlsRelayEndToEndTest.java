package vn.bantin.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;
import vn.bantin.support.HlsStation;

import java.nio.file.Path;
import java.time.Duration;

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
             RelayingSpeaker speaker = RelayingSpeaker.start(dir)) {
            RelayingSpeaker.Window window = speaker.relayJoinedMidWay("Đài tỉnh (HLS)", station.url(), 20);

            Eventually.within(Duration.ofSeconds(20), () ->
                    assertThat(station.segmentFetchedAt()).as(speaker.agent.log()).isGreaterThan(window.scheduledAt()));
            Thread.sleep(3_000);
            long cutAt = System.currentTimeMillis();
            station.cut(how);
            Thread.sleep(8_000);
            long restoredAt = System.currentTimeMillis();
            station.restore();
            Eventually.within(Duration.ofSeconds(15), () ->
                    assertThat(station.segmentFetchedAt()).as(speaker.agent.log()).isGreaterThan(restoredAt));

            JsonObject play = speaker.playedRecord(window, station.url());
            JsonObject gap = speaker.onlyGap(play, "one gap, no flapping on the stale playlist");
            // mpv plays what was listed before the cut (the live edge is a few segments ahead), then stalls
            assertThat(gap.getLong("from")).isBetween(cutAt - 1_000, cutAt + 6_000);
            RelayingSpeaker.assertGapClosedOnRestore(play, gap, restoredAt);
            assertThat(gap.getString("fallback")).as("the filler's speaker rendition looped in the gap")
                    .isEqualTo(Scenario.speakerRendition(speaker.filler));
            speaker.assertEvidenceIntactAndSpoolEmpty();
        }
    }
}
