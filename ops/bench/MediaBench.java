import vn.bantin.media.AssetStore;
import vn.bantin.media.EspeakTts;
import vn.bantin.media.MediaProbe;
import vn.bantin.media.MediaProfile;
import vn.bantin.media.ProbeResult;
import vn.bantin.media.RenditionMaker;
import vn.bantin.media.TtsEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Run by ops/bench/media. For each rendition kind, times our pipeline's work for one rendition (the ffmpeg
 * commands through RenditionMaker with progress parsing, the ffprobe + decode check of the output, the
 * delivered-loudness check for speech, the fsync'ed content-addressed store) against the plain ffmpeg
 * command(s) making the same file, in the same run; median of REPS. Then espeak-ng's real-time factor.
 */
public class MediaBench {

    static final int REPS = 3;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path video = Path.of(args[1]);
        Path image = Path.of(args[2]);
        Path speech = Path.of(args[3]);
        MediaProbe probe = new MediaProbe();
        RenditionMaker maker = new RenditionMaker();
        AssetStore store = new AssetStore(work.resolve("store"), probe);

        bench("video", work, video, MediaProfile.SCREEN_1280X720, probe, maker, store, List.of(List.of(
                "-i", video.toString(), "-map", "0:v:0", "-map", "0:a:0?", "-vf",
                "scale=trunc(iw*sar/2)*2:ih,setsar=1,scale=1280:720:force_original_aspect_ratio=decrease"
                        + ":force_divisible_by=2,pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=black,fps=25.000,format=yuv420p",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-profile:v", "high", "-level:v", "4.1",
                "-maxrate", "8M", "-bufsize", "16M", "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
                "-map_metadata", "-1", "-movflags", "+faststart", "OUT.mp4")));
        bench("image", work, image, MediaProfile.SCREEN_1920X1080, probe, maker, store, List.of(List.of(
                "-i", image.toString(), "-filter_complex", "color=c=black:s=1920x1080:d=1[bg];[0:v:0]scale=1920:1080"
                        + ":force_original_aspect_ratio=decrease[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2:format=auto,format=rgb24",
                "-frames:v", "1", "OUT.png")));
        String loudnorm = "aformat=channel_layouts=mono,loudnorm=I=-16.0:TP=-2.0:LRA=11";
        bench("speech", work, speech, MediaProfile.SPEAKER_SPEECH, probe, maker, store, List.of(
                List.of("-i", speech.toString(), "-vn", "-af", loudnorm + ":print_format=json", "-f", "null", "-"),
                List.of("-i", speech.toString(), "-af", loudnorm + ":measured_I=-18:measured_TP=-3:measured_LRA=2"
                        + ":measured_thresh=-28:offset=0:linear=true,aresample=44100", "-ac", "1", "-c:a",
                        "libmp3lame", "-b:a", "64k", "OUT.mp3")));
        tts(work);
    }

    static void bench(String kind, Path work, Path src, MediaProfile profile, MediaProbe probe, RenditionMaker maker,
                      AssetStore store, List<List<String>> plainCommands) throws Exception {
        ProbeResult facts = probe.probe(src);
        double[] ours = new double[REPS];
        double[] plain = new double[REPS];
        double[] makerOnly = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            Path dir = Files.createDirectories(work.resolve(kind + "-plain-" + i));
            long t0 = System.nanoTime();
            for (List<String> cmd : plainCommands) {
                ffmpeg(cmd, dir);
            }
            plain[i] = (System.nanoTime() - t0) / 1e9;

            Path jobDir = Files.createDirectories(work.resolve(kind + "-ours-" + i));
            t0 = System.nanoTime();
            RenditionMaker.Made made = maker.rendition(src, facts, profile, jobDir, p -> { });
            makerOnly[i] = (System.nanoTime() - t0) / 1e9;
            ProbeResult out = probe.probe(made.file());
            if (profile == MediaProfile.SPEAKER_SPEECH) {
                maker.measure(made.file(), out.durationMs(), p -> { });
            }
            store.put(made.file());
            ours[i] = (System.nanoTime() - t0) / 1e9;
        }
        double o = median(ours);
        double p = median(plain);
        System.out.printf(Locale.ROOT, "BENCH media.%s.pipeline_s %.3f s%n", kind, o);
        System.out.printf(Locale.ROOT, "BENCH media.%s.plain_ffmpeg_s %.3f s%n", kind, p);
        System.out.printf(Locale.ROOT, "BENCH media.%s.encode_only_s %.3f s%n", kind, median(makerOnly));
        System.out.printf(Locale.ROOT, "BENCH media.rendition_ratio %.2f ratio (%s)%n", o / p, kind);
    }

    static void tts(Path work) throws Exception {
        String text = ("Thông báo của Ủy ban nhân dân xã: từ ngày mười lăm tháng này, bà con mang căn cước công dân"
                + " đến nhà văn hóa thôn để được hướng dẫn cài đặt ứng dụng định danh điện tử. ").repeat(6);
        TtsEngine engine = new EspeakTts();
        double audio = 0;
        double wall = 0;
        for (TtsEngine.Voice voice : TtsEngine.Voice.values()) {
            Path wav = work.resolve("tts-" + voice + ".wav");
            long t0 = System.nanoTime();
            engine.synthesize(text, voice, wav);
            double w = (System.nanoTime() - t0) / 1e9;
            ProbeResult p = new MediaProbe().probe(wav);
            audio += p.durationMs() / 1000.0;
            wall += w;
            System.out.printf(Locale.ROOT, "BENCH media.tts.%s_audio_s %.2f s%n", voice.name().toLowerCase(),
                    p.durationMs() / 1000.0);
            System.out.printf(Locale.ROOT, "BENCH media.tts.%s_wall_s %.3f s%n", voice.name().toLowerCase(), w);
        }
        System.out.printf(Locale.ROOT, "BENCH media.tts_realtime_factor %.1f x%n", audio / wall);
    }

    static void ffmpeg(List<String> args, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-v", "error",
                "-y"));
        for (String a : args) {
            cmd.add(a.startsWith("OUT.") ? dir.resolve(a).toString() : a);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("plain ffmpeg failed: " + cmd + "\n" + new String(log));
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
