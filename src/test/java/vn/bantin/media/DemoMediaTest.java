package vn.bantin.media;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.AssetKind;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed demo set (ops/make-demo-media.sh) must pass the same checks as any upload. */
class DemoMediaTest {

    private static final Path DEMO = Path.of("media", "demo");
    private final MediaProbe probe = new MediaProbe();

    @Test
    @DisplayName("the two bulletins and the stand-in station's programme are AUDIO of 7–10 s, mono 48 kHz")
    void bulletins() throws MediaRejected {
        for (String name : new String[] {"ban-tin-sang-nq57.mp3", "ban-tin-binh-dan-hoc-vu-so.mp3",
            "dai-tinh-mo-phong.mp3"}) {
            ProbeResult r = probe.probe(DEMO.resolve(name));

            assertThat(r.kind()).isEqualTo(AssetKind.AUDIO);
            assertThat(r.durationMs()).isBetween(7000L, 10000L);
            assertThat(r.audioChannels()).isEqualTo(1);
            assertThat(r.sampleRate()).isEqualTo(48000);
        }
    }

    @Test
    @DisplayName("the video is a 10 s 1280x720 H.264 VIDEO")
    void video() throws MediaRejected {
        ProbeResult r = probe.probe(DEMO.resolve("video-nq57-10s.mp4"));

        assertThat(r.kind()).isEqualTo(AssetKind.VIDEO);
        assertThat(r.durationMs()).isBetween(9900L, 10100L);
        assertThat(r.width()).isEqualTo(1280);
        assertThat(r.height()).isEqualTo(720);
        assertThat(r.videoCodec()).isEqualTo("h264");
    }

    @Test
    @DisplayName("the infographic is a 1280x720 IMAGE")
    void infographic() throws MediaRejected {
        ProbeResult r = probe.probe(DEMO.resolve("infographic-binh-dan-hoc-vu-so.png"));

        assertThat(r.kind()).isEqualTo(AssetKind.IMAGE);
        assertThat(r.width()).isEqualTo(1280);
        assertThat(r.height()).isEqualTo(720);
    }
}
