package vn.bantin.media;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.domain.AssetKind;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaProbeTest {

    @TempDir
    Path dir;

    private final MediaProbe probe = new MediaProbe();

    @Test
    @DisplayName("an H.264/AAC MP4 is VIDEO with its duration, size and codecs")
    void mp4IsVideo() throws MediaRejected {
        ProbeResult r = probe.probe(TestMedia.mp4(dir, "clip.mp4", 3, true));

        assertThat(r.kind()).isEqualTo(AssetKind.VIDEO);
        assertThat(r.durationMs()).isBetween(2900L, 3200L);
        assertThat(r.width()).isEqualTo(320);
        assertThat(r.height()).isEqualTo(240);
        assertThat(r.videoCodec()).isEqualTo("h264");
        assertThat(r.audioCodec()).isEqualTo("aac");
        assertThat(r.audioChannels()).isEqualTo(1);
        assertThat(r.sampleRate()).isEqualTo(44100);
        assertThat(r.container()).contains("mp4");
    }

    @Test
    @DisplayName("a PNG is IMAGE with no duration")
    void pngIsImage() throws MediaRejected {
        ProbeResult r = probe.probe(TestMedia.png(dir, "poster.png"));

        assertThat(r.kind()).isEqualTo(AssetKind.IMAGE);
        assertThat(r.durationMs()).isZero();
        assertThat(r.videoCodec()).isEqualTo("png");
        assertThat(r.width()).isEqualTo(640);
        assertThat(r.height()).isEqualTo(360);
        assertThat(r.audioCodec()).isNull();
    }

    @Test
    @DisplayName("kind comes from the streams: a PNG named .mp4 is still IMAGE")
    void kindIgnoresTheName() throws Exception {
        Path lying = Files.move(TestMedia.png(dir, "poster.png"), dir.resolve("lying.mp4"));

        assertThat(probe.probe(lying).kind()).isEqualTo(AssetKind.IMAGE);
    }

    @Test
    @DisplayName("an animated GIF is VIDEO")
    void animatedGifIsVideo() throws MediaRejected {
        ProbeResult r = probe.probe(TestMedia.animatedGif(dir, "anim.gif"));

        assertThat(r.kind()).isEqualTo(AssetKind.VIDEO);
        assertThat(r.durationMs()).isBetween(900L, 1100L);
    }

    @Test
    @DisplayName("an MP3 is AUDIO with its duration")
    void mp3IsAudio() throws MediaRejected {
        ProbeResult r = probe.probe(TestMedia.mp3(dir, "ban-tin.mp3", 3));

        assertThat(r.kind()).isEqualTo(AssetKind.AUDIO);
        assertThat(r.durationMs()).isBetween(2950L, 3100L);
        assertThat(r.audioCodec()).isEqualTo("mp3");
        assertThat(r.videoCodec()).isNull();
        assertThat(r.audioChannels()).isEqualTo(1);
    }

    @Test
    @DisplayName("an MP3 with cover art is AUDIO, not VIDEO")
    void mp3WithCoverIsAudio() throws MediaRejected {
        assertThat(probe.probe(TestMedia.mp3WithCover(dir, "cover.mp3")).kind()).isEqualTo(AssetKind.AUDIO);
    }

    @Test
    @DisplayName("a WAV is AUDIO with its duration, channels and rate")
    void wavIsAudio() throws MediaRejected {
        ProbeResult r = probe.probe(TestMedia.wav(dir, "tone.wav", 2));

        assertThat(r.kind()).isEqualTo(AssetKind.AUDIO);
        assertThat(r.durationMs()).isEqualTo(2000L);
        assertThat(r.audioCodec()).isEqualTo("pcm_s16le");
        assertThat(r.audioChannels()).isEqualTo(2);
        assertThat(r.sampleRate()).isEqualTo(48000);
    }

    @Test
    @DisplayName("a WAV with no samples is refused for zero duration")
    void zeroDurationRefused() {
        assertThatThrownBy(() -> probe.probe(TestMedia.emptyWav(dir, "silence.wav")))
                .isInstanceOf(MediaRejected.class)
                .hasMessageStartingWith("Tệp có thời lượng bằng 0")
                .extracting(e -> ((MediaRejected) e).reason()).isEqualTo(MediaRejected.Reason.ZERO_DURATION);
    }

    @Test
    @DisplayName("a text file named .mp3 is refused as unreadable")
    void textAsMp3Refused() {
        assertThatThrownBy(() -> probe.probe(TestMedia.text(dir, "ban-tin.mp3")))
                .isInstanceOf(MediaRejected.class)
                .hasMessage("Tệp không phải video, ảnh hay âm thanh hợp lệ (ffprobe không đọc được)"
                        + " / Not a valid video, image or audio file (ffprobe could not read it)");
    }

    @Test
    @DisplayName("the first half of a faststart MP4 probes fine but fails the decode check")
    void truncatedFaststartMp4Refused() {
        Path half = TestMedia.firstHalf(TestMedia.mp4(dir, "full.mp4", 4, true), dir.resolve("half.mp4"));

        assertThatThrownBy(() -> probe.probe(half))
                .isInstanceOf(MediaRejected.class)
                .hasMessageStartingWith("Tệp bị hỏng hoặc tải lên chưa hết");
    }

    @Test
    @DisplayName("the first half of an MP4 with moov at the end has no moov atom: unreadable")
    void truncatedMoovAtEndRefused() {
        Path half = TestMedia.firstHalf(TestMedia.mp4(dir, "full.mp4", 4, false), dir.resolve("half.mp4"));

        assertThatThrownBy(() -> probe.probe(half))
                .isInstanceOf(MediaRejected.class)
                .extracting(e -> ((MediaRejected) e).reason()).isEqualTo(MediaRejected.Reason.UNREADABLE);
    }

    @Test
    @DisplayName("the first half of an MP3 keeps its declared length but decodes short: truncated")
    void truncatedMp3Refused() {
        Path half = TestMedia.firstHalf(TestMedia.mp3(dir, "full.mp3", 4), dir.resolve("half.mp3"));

        assertThatThrownBy(() -> probe.probe(half))
                .isInstanceOf(MediaRejected.class)
                .hasMessageStartingWith("Tệp ghi thời lượng 4.0 s nhưng chỉ giải mã được 2.0 s")
                .hasMessageContaining("the file is truncated");
    }

    @Test
    @DisplayName("a long MP3 is checked at its start and end, and accepted")
    void longMp3Accepted() throws MediaRejected {
        ProbeResult r = probe.probe(TestMedia.mp3(dir, "long.mp3", 70));

        assertThat(r.durationMs()).isGreaterThan(DecodeCheck.WHOLE_FILE_LIMIT_MS).isBetween(69_900L, 70_200L);
    }

    @Test
    @DisplayName("a long MP3 cut in half has nothing at its declared end: truncated")
    void longTruncatedMp3Refused() {
        Path half = TestMedia.firstHalf(TestMedia.mp3(dir, "long.mp3", 70), dir.resolve("half.mp3"));

        assertThatThrownBy(() -> probe.probe(half))
                .isInstanceOf(MediaRejected.class)
                .extracting(e -> ((MediaRejected) e).reason()).isEqualTo(MediaRejected.Reason.TRUNCATED);
    }

    @Test
    @DisplayName("a long faststart MP4 cut in half is refused")
    void longTruncatedMp4Refused() {
        Path half = TestMedia.firstHalf(TestMedia.mp4(dir, "long.mp4", 65, true), dir.resolve("half.mp4"));

        assertThatThrownBy(() -> probe.probe(half))
                .isInstanceOf(MediaRejected.class)
                .extracting(e -> ((MediaRejected) e).reason())
                .isIn(MediaRejected.Reason.TRUNCATED, MediaRejected.Reason.CORRUPT);
    }

    @Test
    @DisplayName("a missing ffprobe is a server fault, not the uploader's")
    void missingToolsAreNotBlamedOnTheFile() {
        MediaProbe broken = new MediaProbe(dir.resolve("no-such-bin"));

        assertThatThrownBy(() -> broken.probe(TestMedia.png(dir, "ok.png")))
                .isNotInstanceOf(MediaRejected.class);
    }

    @Test
    @DisplayName("inspectOwn: our own PNG's geometry without a process; a short write is refused; MP4 and MP3 via ffprobe")
    void inspectOwnRenditions() throws Exception {
        Path png = TestMedia.png(dir, "poster.png");
        ProbeResult full = probe.probe(png);
        ProbeResult own = probe.inspectOwn(png, AssetKind.IMAGE);
        assertThat(own.width()).isEqualTo(full.width());
        assertThat(own.height()).isEqualTo(full.height());
        assertThat(own.videoCodec()).isEqualTo("png");
        Path cut = TestMedia.firstHalf(png, dir.resolve("cut.png"));
        assertThatThrownBy(() -> probe.inspectOwn(cut, AssetKind.IMAGE)).isInstanceOf(MediaRejected.class);
        ProbeResult mp4 = probe.inspectOwn(TestMedia.mp4(dir, "clip.mp4", 3, true), AssetKind.VIDEO);
        assertThat(mp4.durationMs()).isBetween(2900L, 3100L);
        assertThat(mp4.width()).isPositive();
        ProbeResult mp3 = probe.inspectOwn(TestMedia.mp3(dir, "b.mp3", 3), AssetKind.AUDIO);
        assertThat(mp3.audioCodec()).isEqualTo("mp3");
        assertThat(mp3.durationMs()).isBetween(2900L, 3100L);
        assertThatThrownBy(() -> probe.inspectOwn(TestMedia.mp3(dir, "c.mp3", 1), AssetKind.VIDEO))
                .isInstanceOf(MediaRejected.class);
    }
}
