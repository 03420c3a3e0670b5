package vn.bantin.media;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.domain.AssetKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Renditions with the real ffmpeg: geometry checked with ffprobe, loudness with ebur128")
class RenditionMakerTest {

    @TempDir
    Path dir;
    Path work;
    final MediaProbe probe = new MediaProbe();
    final RenditionMaker maker = new RenditionMaker();

    @BeforeEach
    void workDir() throws Exception {
        work = Files.createDirectories(dir.resolve("work"));
    }

    @Test
    @DisplayName("a portrait phone video (1080×1920) is pillarboxed into 1280×720, never stretched or cropped")
    void portraitPillarboxed() throws Exception {
        Path src = TestMedia.clip(dir, "phone.mp4", 1080, 1920, 30, 1, true);
        Path out = make(src, MediaProfile.SCREEN_1280X720).file();

        JsonObject v = Inspect.stream(out, "v");
        assertThat(v.getInteger("width")).isEqualTo(1280);
        assertThat(v.getInteger("height")).isEqualTo(720);
        assertThat(v.getString("codec_name")).isEqualTo("h264");
        assertThat(v.getString("pix_fmt")).isEqualTo("yuv420p");
        assertThat(v.getString("profile")).isIn("High", "Main");
        assertThat(v.getInteger("level")).isLessThanOrEqualTo(41);
        // The picture is 720 × 1080/1920 = 405 px wide, centred: x 437..842; black bars either side.
        assertThat(Inspect.isBlack(Inspect.pixel(out, 200, 360))).isTrue();
        assertThat(Inspect.isBlack(Inspect.pixel(out, 1080, 360))).isTrue();
        assertThat(Inspect.isBlack(Inspect.pixel(out, 450, 10))).isFalse();
        assertThat(Inspect.isBlack(Inspect.pixel(out, 830, 710))).isFalse();
        assertThat(Inspect.pixel(out, 640, 360)[0]).isBetween(200, 240);
        assertThat(Inspect.stream(out, "a").getString("codec_name")).isEqualTo("aac");
    }

    @Test
    @DisplayName("a 4K clip becomes 1920×1080 and 960×320 (letterboxed panel) H.264 at ≤ 30 fps")
    void fourK() throws Exception {
        Path src = TestMedia.clip(dir, "uhd.mp4", 3840, 2160, 5, 1, false);
        JsonObject full = Inspect.stream(make(src, MediaProfile.SCREEN_1920X1080).file(), "v");
        assertThat(full.getInteger("width")).isEqualTo(1920);
        assertThat(full.getInteger("height")).isEqualTo(1080);
        assertThat(full.getInteger("level")).isLessThanOrEqualTo(41);

        Files.createDirectories(work = dir.resolve("work2"));
        Path led = make(src, MediaProfile.LED_960X320).file();
        JsonObject panel = Inspect.stream(led, "v");
        assertThat(panel.getInteger("width")).isEqualTo(960);
        assertThat(panel.getInteger("height")).isEqualTo(320);
        // 16:9 into 3:1 → 568 px wide picture, centred; pillarbox at the sides.
        assertThat(Inspect.isBlack(Inspect.pixel(led, 100, 160))).isTrue();
        assertThat(Inspect.isBlack(Inspect.pixel(led, 480, 160))).isFalse();
    }

    @Test
    @DisplayName("60 fps becomes 30 fps, which the Raspberry Pi 4 decodes in hardware")
    void frameRateCapped() throws Exception {
        Path src = TestMedia.clip(dir, "sixty.mp4", 320, 240, 60, 1, false);
        JsonObject v = Inspect.stream(make(src, MediaProfile.LED_768X384).file(), "v");
        assertThat(v.getString("avg_frame_rate")).isEqualTo("30/1");
        assertThat(v.getInteger("width")).isEqualTo(768);
    }

    @Test
    @DisplayName("a PNG with transparency is fitted on black as an opaque PNG")
    void pngWithAlpha() throws Exception {
        Path src = TestMedia.pngWithAlpha(dir, "logo.png");
        Path out = make(src, MediaProfile.SCREEN_1280X720).file();
        JsonObject v = Inspect.stream(out, "v");
        assertThat(v.getString("codec_name")).isEqualTo("png");
        assertThat(v.getString("pix_fmt")).isEqualTo("rgb24");
        assertThat(v.getInteger("width")).isEqualTo(1280);
        assertThat(v.getInteger("height")).isEqualTo(720);
        // 400×300 → 960×720, centred: bars at x < 160; half-transparent red over black ≈ (128, 0, 0).
        assertThat(Inspect.isBlack(Inspect.pixel(out, 50, 360))).isTrue();
        int[] mid = Inspect.pixel(out, 640, 360);
        assertThat(mid[0]).isBetween(100, 160);
        assertThat(mid[1]).isLessThan(20);
    }

    @Test
    @DisplayName("a CMYK JPEG (Adobe, inverted samples) keeps its colour: red stays red")
    void cmykJpeg() throws Exception {
        Path src = TestMedia.cmykJpeg(dir, "poster.jpg");
        ProbeResult p = probe.probe(src);
        assertThat(p.kind()).isEqualTo(AssetKind.IMAGE);
        Path out = maker.rendition(src, p, MediaProfile.LED_768X384, work, x -> { }).file();
        int[] mid = Inspect.pixel(out, 384, 192);
        assertThat(mid[0]).isGreaterThan(200);
        assertThat(mid[1]).isLessThan(40);
        assertThat(Inspect.stream(out, "v").getInteger("height")).isEqualTo(384);
    }

    @Test
    @DisplayName("six-channel audio becomes a mono MP3 at −16 LUFS ±1, true peak ≤ −1.5 dBTP, with progress")
    void sixChannelToMonoSpeech() throws Exception {
        Path src = TestMedia.sixChannel(dir, "surround.wav", 6);
        List<Integer> progress = new ArrayList<>();
        ProbeResult p = probe.probe(src);
        assertThat(p.audioChannels()).isEqualTo(6);
        RenditionMaker.Made made = maker.rendition(src, p, MediaProfile.SPEAKER_SPEECH, work, progress::add);
        JsonObject a = Inspect.stream(made.file(), "a");
        assertThat(a.getInteger("channels")).isEqualTo(1);
        assertThat(a.getString("codec_name")).isEqualTo("mp3");
        assertThat(Long.parseLong(a.getString("bit_rate"))).isEqualTo(64_000);
        assertSpeechLoudness(made.file());
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isGreaterThanOrEqualTo(90);
        assertThat(made.loudness().integratedLufs()).isLessThan(-16);
    }

    @Test
    @DisplayName("synthetic speech peaking at 0 dBFS goes through the limiter: −16 LUFS ±1, true peak ≤ −1.5 dBTP,"
            + " and the delivered figures stored are ebur128's on the file")
    void peakySpeechThroughLimiter() throws Exception {
        Path src = dir.resolve("tts.wav");
        new EspeakTts().synthesize("Kính thưa bà con. Ủy ban nhân dân phường thông báo lịch tiêm chủng mở rộng"
                + " tháng này tại trạm y tế. Xin cảm ơn bà con đã lắng nghe.", TtsEngine.Voice.values()[0], src);
        RenditionMaker.Made made = make(src, MediaProfile.SPEAKER_SPEECH);
        assertThat(made.loudness().truePeakDbtp() + (-16 - made.loudness().integratedLufs())).isGreaterThan(-2.0);
        assertSpeechLoudness(made.file());
        Inspect.Ebur128 m = Inspect.ebur128(made.file());
        assertThat(made.delivered().integratedLufs()).isCloseTo(m.integratedLufs(), within(0.5));
        assertThat(made.delivered().truePeakDbtp()).isLessThanOrEqualTo(-1.5);
    }

    @Test
    @DisplayName("clipped, far too loud audio is brought down to −16 LUFS with peaks under −1.5 dBTP")
    void clippedLoud() throws Exception {
        Path src = TestMedia.clippedLoud(dir, "hot.wav", 5);
        RenditionMaker.Made made = make(src, MediaProfile.SPEAKER_SPEECH);
        assertThat(made.loudness().integratedLufs()).isGreaterThan(-6);
        assertSpeechLoudness(made.file());
    }

    @Test
    @DisplayName("a 4:3 clip with clipping sound: on a screen at −16 LUFS ±1 and ≤ −1.5 dBTP, as measured on the"
            + " delivered file; on LED boards silent, with square pixels and exactly 3:1 and 2:1")
    void clippingClipOnScreensAndLed() throws Exception {
        Path src = TestMedia.clippingClip(dir, "hot.mp4", 5);
        assertThat(Inspect.ebur128(src).truePeakDbtp()).isGreaterThan(0);

        RenditionMaker.Made screen = make(src, MediaProfile.SCREEN_1280X720);
        assertSpeechLoudness(screen.file());
        Inspect.Ebur128 m = Inspect.ebur128(screen.file());
        assertThat(screen.delivered().integratedLufs()).isCloseTo(m.integratedLufs(), within(0.2));
        assertThat(screen.delivered().truePeakDbtp()).isCloseTo(m.truePeakDbtp(), within(0.2));
        assertThat(Inspect.stream(screen.file(), "v").getString("sample_aspect_ratio")).isEqualTo("1:1");

        Files.createDirectories(work = dir.resolve("led"));
        RenditionMaker.Made wide = make(src, MediaProfile.LED_960X320);
        JsonObject v = Inspect.stream(wide.file(), "v");
        assertThat(v.getString("sample_aspect_ratio")).isEqualTo("1:1");
        assertThat(v.getString("display_aspect_ratio")).isEqualTo("3:1");
        assertThat(Inspect.hasStream(wide.file(), "a")).isFalse();
        assertThat(wide.delivered()).isNull();
        Files.createDirectories(work = dir.resolve("led2"));
        JsonObject square = Inspect.stream(make(src, MediaProfile.LED_768X384).file(), "v");
        assertThat(square.getString("sample_aspect_ratio")).isEqualTo("1:1");
        assertThat(square.getString("display_aspect_ratio")).isEqualTo("2:1");
    }

    @Test
    @DisplayName("silent audio is refused in words instead of being amplified into noise")
    void silence() throws Exception {
        Path src = TestMedia.silence(dir, "quiet.wav", 4);
        ProbeResult p = probe.probe(src);
        assertThatThrownBy(() -> maker.rendition(src, p, MediaProfile.SPEAKER_SPEECH, work, x -> { }))
                .isInstanceOf(RenditionFailed.class).hasMessageContaining("im lặng").hasMessageContaining("silent");
        assertThat(Files.list(work).filter(f -> f.toString().endsWith(".mp3")).toList()).isEmpty();
    }

    @Test
    @DisplayName("previews: a thumbnail for video and pictures, a waveform picture for audio")
    void previews() throws Exception {
        Path video = TestMedia.clip(dir, "v.mp4", 640, 360, 25, 2, true);
        JsonObject thumb = Inspect.stream(maker.preview(video, probe.probe(video), work), "v");
        assertThat(thumb.getInteger("width")).isEqualTo(320);
        assertThat(thumb.getInteger("height")).isEqualTo(180);
        Files.createDirectories(work = dir.resolve("w2"));
        Path audio = TestMedia.mp3(dir, "a.mp3", 2);
        JsonObject wave = Inspect.stream(maker.preview(audio, probe.probe(audio), work), "v");
        assertThat(wave.getInteger("width")).isEqualTo(640);
        assertThat(wave.getInteger("height")).isEqualTo(120);
    }

    private RenditionMaker.Made make(Path src, MediaProfile profile) throws Exception {
        return maker.rendition(src, probe.probe(src), profile, work, x -> { });
    }

    private static void assertSpeechLoudness(Path file) {
        Inspect.Ebur128 m = Inspect.ebur128(file);
        assertThat(m.integratedLufs()).isCloseTo(-16.0, within(1.0));
        assertThat(m.truePeakDbtp()).isLessThanOrEqualTo(-1.5);
    }
}
