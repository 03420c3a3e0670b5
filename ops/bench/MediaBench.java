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
 * Run by ops/bench/media. For each rendition kind, times our pipeline's work for one rendition, as
 * MediaJobService does it (the ffmpeg commands through RenditionMaker with progress parsing, one ffprobe of the
 * output, the fsync'ed content-addressed store; speech loudness as loudnorm's second pass reports it) against the
 * plain ffmpeg command(s) making the same file, in the same run (speech: the same two passes, pass 1's JSON
 * parsed into pass 2's measured_* values, the same limiter); median of REPS. Then espeak-ng's real-time factor.
 */
public class MediaBench {

    static final int REPS = 5;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path video = Path.of(args[1]);
        Path image = Path.of(args[2]);
        Path speech = Path.of(args[3]);
        MediaProbe probe = new MediaProbe();
        RenditionMaker maker = new RenditionMaker();
        AssetStore store = new AssetStore(work.resolve("store"), probe);

        bench("video", work, video, MediaProfile.SCREEN_1280X720, probe, maker, store, null);
        bench("image", work, image, MediaProfile.SCREEN_1920X1080, probe, maker, store, List.of(List.of(
                "-i", image.toString(), "-filter_complex", "color=c=black:s=1920x1080:d=1[bg];[0:v:0]scale=1920:1080"
                        + ":force_original_aspect_ratio=decrease[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2:format=auto,format=rgb24",
                "-frames:v", "1", "OUT.png")));
        bench("speech", work, speech, MediaProfile.SPEAKER_SPEECH, probe, maker, store, null);
        tts(work);
    }

    static void bench(String kind, Path work, Path src, MediaProfile profile, MediaProbe probe, RenditionMaker maker,
                      AssetStore store, List<List<String>> plainCommands) throws Exception {
        ProbeResult facts = probe.probe(src);
        double[] ours = new double[REPS];
        double[] plain = new double[REPS];
        double[] makerOnly = new double[REPS];
        double[] plainUnchecked = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            // which side runs first alternates, so load drifting within a repetition favours neither
            if (i % 2 == 1) {
                ours[i] = ours(kind, work, src, facts, profile, probe, maker, store, makerOnly, i);
            }
            Path dir = Files.createDirectories(work.resolve(kind + "-plain-" + i));
            long t0 = System.nanoTime();
            Path made;
            if (plainCommands == null && profile == MediaProfile.SPEAKER_SPEECH) {
                made = plainSpeech(src, dir);
            } else if (plainCommands == null) {
                made = plainVideo(src, dir);
            } else {
                made = null;
                for (List<String> cmd : plainCommands) {
                    ffmpeg(cmd, dir);
                }
            }
            plainUnchecked[i] = (System.nanoTime() - t0) / 1e9;
            if (made != null) {
                deliveredLoudness(made, dir);
            }
            plain[i] = (System.nanoTime() - t0) / 1e9;
            if (i % 2 == 0) {
                ours[i] = ours(kind, work, src, facts, profile, probe, maker, store, makerOnly, i);
            }
        }
        printBench(kind, profile, plainCommands, ours, plain, plainUnchecked, makerOnly);
    }

    /** One rendition our way, as MediaJobService makes it; answers seconds, makerOnly[i] gets the encode alone. */
    static double ours(String kind, Path work, Path src, ProbeResult facts, MediaProfile profile, MediaProbe probe,
                       RenditionMaker maker, AssetStore store, double[] makerOnly, int i) throws Exception {
        Path jobDir = Files.createDirectories(work.resolve(kind + "-ours-" + i));
        long t0 = System.nanoTime();
        RenditionMaker.Made made = maker.rendition(src, facts, profile, jobDir, p -> { });
        makerOnly[i] = (System.nanoTime() - t0) / 1e9;
        ProbeResult out = probe.inspectOwn(made.file(), RenditionMaker.outputKind(facts.kind(), profile));
        if (out.durationMs() < 0) {
            throw new IllegalStateException();
        }
        store.put(made.file());
        return (System.nanoTime() - t0) / 1e9;
    }

    static void printBench(String kind, MediaProfile profile, List<List<String>> plainCommands, double[] ours,
                           double[] plain, double[] plainUnchecked, double[] makerOnly) {
        System.out.println("# " + kind + " ours: RenditionMaker.rendition (ffmpeg with -progress parsing"
                + (profile.width() == 0 || kind.equals("video") ? "; loudnorm pass 1, limit fit pass if the peaks"
                + " need it, pass 2 limiter + loudnorm linear encode, then ebur128 (true peak) on the delivered"
                + " file" : "") + ") + one ffprobe of the output + sha256/fsync store");
        System.out.println("# " + kind + " plain: " + (plainCommands == null
                ? "ffmpeg loudnorm pass 1 (print_format=json, parsed); if peaks need it, one ffmpeg fitting the limit"
                + " (alimiter x8 + ebur128); ffmpeg pass 2 limiter + loudnorm linear=true with those figures"
                + (kind.equals("video") ? " in the same H.264 encode" : ", MP3 64k")
                + "; then ebur128 (true peak) on the made file, the figures the product stores with a rendition"
                + " (plain_unchecked_s: without that check)"
                : "one ffmpeg command making the same file"));
        double o = median(ours);
        double p = median(plain);
        System.out.printf(Locale.ROOT, "BENCH media.%s.pipeline_s %.3f s%n", kind, o);
        System.out.printf(Locale.ROOT, "BENCH media.%s.plain_ffmpeg_s %.3f s%n", kind, p);
        System.out.printf(Locale.ROOT, "BENCH media.%s.encode_only_s %.3f s%n", kind, median(makerOnly));
        if (plainCommands == null) {
            System.out.printf(Locale.ROOT, "BENCH media.%s.plain_unchecked_s %.3f s%n", kind, median(plainUnchecked));
        }
        System.out.printf(Locale.ROOT, "BENCH media.rendition_ratio %.2f ratio (%s)%n", o / p, kind);
    }

    /**
     * The plain equivalent of the speech rendition, as a shell script would do it: loudnorm pass 1 (JSON parsed);
     * if the peaks need a limiter, one ffmpeg measuring the source through alimiter at 8 limits with ebur128
     * (the limit interpolated where limit + 1 dB + gain meets −2 dBTP); then the encode with loudnorm linear=true
     * on those figures.
     */
    static Path plainSpeech(Path src, Path dir) throws Exception {
        String ln = "loudnorm=I=-16.0:TP=-2.0:LRA=11";
        String log = ffmpegOut(List.of("-v", "info", "-i", src.toString(), "-vn", "-af",
                "aformat=channel_layouts=mono," + ln + ":print_format=json", "-f", "null", "-"), dir);
        io.vertx.core.json.JsonObject j = new io.vertx.core.json.JsonObject(
                log.substring(log.lastIndexOf('{'), log.lastIndexOf('}') + 1));
        double i = Double.parseDouble(j.getString("input_i"));
        double tp = Double.parseDouble(j.getString("input_tp"));
        double thresh = Double.parseDouble(j.getString("input_thresh"));
        String limiter = "";
        if (tp + (-16 - i) > -2.0) {
            double first = -2.0 - (-16 - i) - 1.0;
            double[] lims = new double[8];
            StringBuilder g = new StringBuilder("[0:a:0]aformat=channel_layouts=mono,asplit=8");
            for (int k = 0; k < 8; k++) {
                lims[k] = Math.max(-24, first - 1.5 * k);
                g.append("[l").append(k).append(']');
            }
            for (int k = 0; k < 8; k++) {
                g.append(";[l").append(k).append(']').append(lim(lims[k])).append("ebur128=framelog=verbose,anullsink");
            }
            String out = ffmpegOut(List.of("-v", "info", "-i", src.toString(), "-filter_complex", g.toString(),
                    "-map", "0:a:0", "-f", "null", "-"), dir);
            java.util.TreeMap<Integer, Double> byN = new java.util.TreeMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[Parsed_ebur128_(\\d+) @ [^\\]]+\\] "
                    + "Summary:\\s+Integrated loudness:\\s+I:\\s+(-?[0-9.]+) LUFS").matcher(out);
            while (m.find()) {
                byN.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
            }
            double[] loud = byN.values().stream().mapToDouble(Double::doubleValue).toArray();
            double prev = Double.NaN;
            for (int k = 0; k < 8; k++) {
                double excess = lims[k] + 1.0 - 16 - loud[k] + 2.0;
                if (excess <= 0) {
                    double l = lims[k];
                    double li = loud[k];
                    if (k > 0 && prev > 0) {
                        double t = prev / (prev - excess);
                        l = lims[k - 1] + t * (lims[k] - lims[k - 1]);
                        li = loud[k - 1] + t * (loud[k] - loud[k - 1]);
                    }
                    limiter = lim(l);
                    thresh += li - i;
                    i = li;
                    tp = l + 1.0 - 0.02;
                    break;
                }
                prev = excess;
            }
        }
        ffmpegOut(List.of("-v", "info", "-i", src.toString(), "-map", "0:a:0", "-af", "aformat=channel_layouts=mono,"
                + limiter + ln + String.format(Locale.ROOT, ":measured_I=%.2f:measured_TP=%.2f:measured_LRA=%s"
                        + ":measured_thresh=%.2f:offset=%s:linear=true:print_format=json,aresample=44100", i, tp,
                j.getString("input_lra"), thresh, j.getString("target_offset")),
                "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", "-map_metadata", "-1", "-write_xing", "1",
                "OUT.mp3"), dir);
        return dir.resolve("OUT.mp3");
    }

    /** What a rendition's sound measures, measured on the made file (integrated loudness and true peak). */
    static void deliveredLoudness(Path file, Path dir) throws Exception {
        ffmpegOut(List.of("-v", "info", "-i", file.toString(), "-map", "0:a:0", "-af", "ebur128=peak=true", "-f",
                "null", "-"), dir);
    }

    /** The plain equivalent of a screen rendition with sound: loudnorm pass 1 (stereo), then one encode. */
    static Path plainVideo(Path src, Path dir) throws Exception {
        String ln = "loudnorm=I=-16.0:TP=-2.0:LRA=11";
        String log = ffmpegOut(List.of("-v", "info", "-i", src.toString(), "-vn", "-map", "0:a:0", "-af",
                "aformat=channel_layouts=stereo," + ln + ":print_format=json", "-f", "null", "-"), dir);
        io.vertx.core.json.JsonObject j = new io.vertx.core.json.JsonObject(
                log.substring(log.lastIndexOf('{'), log.lastIndexOf('}') + 1));
        ffmpeg(List.of("-i", src.toString(), "-map", "0:v:0", "-vf",
                "scale=trunc(iw*sar/2)*2:ih,setsar=1,scale=1280:720:force_original_aspect_ratio=decrease"
                        + ":force_divisible_by=2,pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=25.000,"
                        + "format=yuv420p",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-profile:v", "high", "-level:v", "4.1",
                "-maxrate", "8M", "-bufsize", "16M", "-map", "0:a:0", "-af", "aformat=channel_layouts=stereo," + ln
                        + String.format(Locale.ROOT, ":measured_I=%s:measured_TP=%s:measured_LRA=%s:measured_thresh=%s"
                        + ":offset=%s:linear=true,aresample=48000", j.getString("input_i"), j.getString("input_tp"),
                        j.getString("input_lra"), j.getString("input_thresh"), j.getString("target_offset")),
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
                "-map_metadata", "-1", "-movflags", "+faststart", "OUT.mp4"), dir);
        return dir.resolve("OUT.mp4");
    }

    static String lim(double db) {
        return String.format(Locale.ROOT, "alimiter=limit=%.5f:level=false:attack=5:release=50,", Math.pow(10, db / 20));
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
        ffmpegOut(args, dir);
    }

    static String ffmpegOut(List<String> args, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-y"));
        if (!args.contains("-v")) {
            cmd.addAll(List.of("-v", "error"));
        }
        for (String a : args) {
            cmd.add(a.startsWith("OUT.") ? dir.resolve(a).toString() : a);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("plain ffmpeg failed: " + cmd + "\n" + new String(log));
        }
        return new String(log, java.nio.charset.StandardCharsets.UTF_8);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
