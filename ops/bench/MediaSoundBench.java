import vn.bantin.media.MediaProbe;
import vn.bantin.media.MediaProfile;
import vn.bantin.media.RenditionMaker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by ops/bench/media. Screen renditions (screen-1280x720) of clips with loud sound, each measured afterwards
 * by a separate ffmpeg ebur128 (true peak on) on the delivered MP4: the worst absolute deviation from −16 LUFS
 * and the highest true peak, beside the same figures for the sources (what screens played before).
 */
public class MediaSoundBench {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        List<Path> clips = List.of(
                clip(work, "clipping-tone", "sine=f=440:d=10,volume=20dB"),
                clip(work, "loud-pink-noise", "anoisesrc=color=pink:amplitude=1:d=10,volume=10dB"),
                clip(work, "loud-chords", "aevalsrc=0.45*sin(2*PI*220*t)+0.45*sin(2*PI*277*t)+0.45*sin(2*PI*330*t)"
                        + "*(0.6+0.4*sin(2*PI*0.5*t)):d=10:s=48000"),
                clip(work, "speech-over-music", "aevalsrc=0.9*sin(2*PI*180*t)*gt(sin(2*PI*3*t)\\,0)"
                        + "+0.3*sin(2*PI*523*t):d=10:s=48000"));
        MediaProbe probe = new MediaProbe();
        RenditionMaker maker = new RenditionMaker();
        double worstBefore = 0;
        double worst = 0;
        double peakBefore = Double.NEGATIVE_INFINITY;
        double peak = Double.NEGATIVE_INFINITY;
        for (Path clip : clips) {
            double[] src = ebur128(clip);
            Path dir = Files.createDirectories(work.resolve("r-" + clip.getFileName()));
            Path out = maker.rendition(clip, probe.probe(clip), MediaProfile.SCREEN_1280X720, dir, p -> { }).file();
            double[] made = ebur128(out);
            System.out.printf(Locale.ROOT, "# %s: source %.1f LUFS %.1f dBTP -> rendition %.1f LUFS %.1f dBTP%n",
                    clip.getFileName(), src[0], src[1], made[0], made[1]);
            worstBefore = Math.max(worstBefore, Math.abs(src[0] + 16));
            worst = Math.max(worst, Math.abs(made[0] + 16));
            peakBefore = Math.max(peakBefore, src[1]);
            peak = Math.max(peak, made[1]);
        }
        System.out.printf(Locale.ROOT, "BENCH media.video_sound_lufs_error %.2f LU%n", worst);
        System.out.printf(Locale.ROOT, "BENCH media.video_sound_lufs_error_source %.2f LU%n", worstBefore);
        System.out.printf(Locale.ROOT, "BENCH media.video_sound_true_peak_max %.2f dBTP%n", peak);
        System.out.printf(Locale.ROOT, "BENCH media.video_sound_true_peak_max_source %.2f dBTP%n", peakBefore);
    }

    static Path clip(Path work, String name, String audio) throws Exception {
        Path out = work.resolve(name + ".mp4");
        run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=25:d=10",
                "-f", "lavfi", "-i", audio, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "160k", "-ac", "2", "-shortest", out.toString()));
        return out;
    }

    /** Integrated loudness and true peak of the file's sound, by ffmpeg's ebur128 (independent of the pipeline). */
    static double[] ebur128(Path file) throws Exception {
        String log = run(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", file.toString(),
                "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"));
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new double[] {number(summary, "I:\\s+(-?[\\d.]+) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+) dBFS")};
    }

    static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return Double.parseDouble(m.group(1));
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd + " failed:\n" + out);
        }
        return out;
    }
}
