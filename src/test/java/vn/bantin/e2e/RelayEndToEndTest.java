package vn.bantin.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.support.Eventually;
import vn.bantin.support.Icecast;
import vn.bantin.support.StationFeed;

import java.nio.file.Path;
import java.time.Duration;

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
             RelayingSpeaker speaker = RelayingSpeaker.start(dir)) {
            RelayingSpeaker.Window window = speaker.relayJoinedMidWay("Đài tỉnh", station.url(), 35);

            Eventually.within(Duration.ofSeconds(20), () -> assertThat(icecast.listeners("/tinh.mp3")).isEqualTo(1));
            Thread.sleep(2_000);
            long cutAt = System.currentTimeMillis();
            station.cut();
            Thread.sleep(6_000);
            long restoredAt = System.currentTimeMillis();
            station.restore();
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(icecast.listeners("/tinh.mp3")).isEqualTo(1));

            JsonObject play = speaker.playedRecord(window, station.url());
            JsonObject gap = speaker.onlyGap(play, "one gap");
            assertThat(gap.getLong("from")).isBetween(cutAt - 3_000, cutAt + 5_000);
            RelayingSpeaker.assertGapClosedOnRestore(play, gap, restoredAt);
            assertThat(gap.getString("fallback")).as("the filler's speaker rendition looped in the gap; agent log:\n%s",
                    speaker.agent.log()).isEqualTo(Scenario.speakerRendition(speaker.filler))
                    .isNotEqualTo(speaker.filler.getString("sha256"));
            speaker.assertEvidenceIntactAndSpoolEmpty();
        }
    }
}
