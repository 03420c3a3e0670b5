package vn.bantin.demo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.process.ExternalProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The demo's stand-in provincial station: a real Icecast2 fed by a real ffmpeg")
class DemoStationTest {

    private static final Path PROGRAMME = Path.of("media", "demo", "dai-tinh-mo-phong.mp3");

    @TempDir
    Path dir;

    @Test
    @DisplayName("on the air with Opus audio a listener decodes, carrying on past the programme's length (looped);"
            + " gone when closed")
    void onTheAirUntilClosed() throws Exception {
        String url;
        try (DemoStation station = DemoStation.start(dir, 0, PROGRAMME)) {
            url = station.url();
            assertThat(url).startsWith("http://127.0.0.1:").endsWith(DemoStation.MOUNT);
            // 12 s of the stream: longer than the 7.3 s programme, so the loop goes on in real time
            ExternalProcess.Result heard = ExternalProcess.of(List.of("ffprobe", "-v", "error", "-read_intervals",
                    "%+12", "-show_entries", "stream=codec_name:packet=pts_time", "-of", "csv=p=0", url))
                    .timeout(Duration.ofSeconds(30)).run();
            assertThat(heard.ok()).as(heard.stderr()).isTrue();
            assertThat(heard.stdout()).contains("opus");
            double last = heard.stdout().lines().filter(l -> l.matches("\\d+\\.\\d+"))
                    .mapToDouble(Double::parseDouble).max().orElse(0);
            assertThat(last).as("seconds of audio heard").isGreaterThan(10);
        }
        ExternalProcess.Result after = ExternalProcess.of(List.of("ffprobe", "-v", "error", url))
                .timeout(Duration.ofSeconds(20)).run();
        assertThat(after.ok()).isFalse();
    }

    @Test
    @DisplayName("a programme file that is not there gets a clear error and starts nothing")
    void missingProgramme() {
        assertThatThrownBy(() -> DemoStation.start(dir, 0, dir.resolve("khong-co.mp3")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a readable file");
    }
}
