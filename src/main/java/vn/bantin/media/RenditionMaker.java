package vn.bantin.media;

import vn.bantin.domain.AssetKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * The ffmpeg commands behind every rendition and preview. Each writes into a caller-given work directory;
 * the caller moves a finished file into the store. Blocking: run on a job thread.
 *
 * <p>Screens: fitted inside the profile's frame and letterboxed/pillarboxed on black, never stretched or
 * cropped; H.264 High@4.1 yuv420p at ≤ 30 fps, which the Raspberry Pi 4's hardware decoder plays.
 * Speakers: mono, two-pass loudnorm to −16 LUFS integrated, then MP3 (see {@link #SPEECH_BITRATE}).
 */
public final class RenditionMaker {

    /** Speech target: EBU R128 / streaming speech level. */
    public static final double TARGET_LUFS = -16;
    /** The delivered limit is −1.5 dBTP; loudnorm aims 0.5 dB lower to leave room for MP3 encoder overshoot. */
    public static final double TARGET_TP = -2.0;
    /**
     * MP3 at 64 kb/s mono, 44.1 kHz: about 0.5 MB per minute, a 15-minute bulletin is 7 MB over a 3G SIM,
     * and every amplifier box, IP horn and phone decodes MP3. Opus at 32 kb/s would halve that, but MP3 is
     * what third-party loudspeaker gear accepts, and the speech is already clear at 64 kb/s mono.
     */
    public static final String SPEECH_BITRATE = "64k";
    static final int MAX_FPS = 30;
    /** The limiter works on samples; true (inter-sample) peaks may sit up to ~1 dB above them. */
    private static final double PEAK_MARGIN_DB = 1.0;
    /** alimiter's lowest limit (0.0625). */
    private static final double MIN_LIMIT_DB = -24;
    private static final int PREVIEW_WIDTH = 320;
    /** How far the one-shot limited second pass may land from −16 LUFS before the limited signal is measured. */
    private static final double FAST_LIMIT_TOLERANCE_LU = 0.5;

    private final FfmpegCommand ffmpeg;

    public RenditionMaker() {
        this(null);
    }

    /** ffmpeg from binDir; null means the PATH. */
    public RenditionMaker(Path binDir) {
        this.ffmpeg = new FfmpegCommand(binDir == null ? Path.of("ffmpeg") : binDir.resolve("ffmpeg"));
    }

    /**
     * A file made in the work directory, not yet stored. loudness is the source's (speech only), delivered what
     * loudnorm's second pass reported about its own output (speech only; null for pictures and video).
     */
    public record Made(Path file, Loudness loudness, Loudness delivered) {
    }

    public Made rendition(Path source, ProbeResult src, MediaProfile profile, Path workDir, IntConsumer percent)
            throws RenditionFailed {
        if (profile == MediaProfile.SPEAKER_SPEECH) {
            return speech(source, src, workDir, percent);
        }
        if (src.kind() == AssetKind.IMAGE) {
            return new Made(picture(source, profile, workDir, percent), null, null);
        }
        return new Made(video(source, src, profile, workDir, percent), null, null);
    }

    /** First pass of loudnorm: the programme's loudness as it is. */
    public Loudness measure(Path source, long durationMs, IntConsumer percent) throws RenditionFailed {
        return measure(source, "", durationMs, percent);
    }

    private Loudness measure(Path source, String preFilter, long durationMs, IntConsumer percent)
            throws RenditionFailed {
        String err = ffmpeg.run(List.of("-v", "info", "-i", source.toString(), "-vn", "-af",
                "aformat=channel_layouts=mono," + preFilter + loudnorm() + ":print_format=json", "-f", "null", "-"),
                durationMs, percent, timeout(durationMs));
        return Loudness.parse(err);
    }

    /** The kind of file {@link #rendition} makes from a source of this kind for this profile. */
    public static AssetKind outputKind(AssetKind source, MediaProfile profile) {
        if (profile == MediaProfile.SPEAKER_SPEECH) {
            return AssetKind.AUDIO;
        }
        return source == AssetKind.IMAGE ? AssetKind.IMAGE : AssetKind.VIDEO;
    }

    /** A thumbnail (video, picture) or waveform picture (audio), PNG, 320 px wide. */
    public Path preview(Path source, ProbeResult src, Path workDir) throws RenditionFailed {
        Path out = workDir.resolve("preview.png");
        List<String> args = new ArrayList<>();
        if (src.kind() == AssetKind.AUDIO) {
            args.addAll(List.of("-v", "error", "-i", source.toString(), "-filter_complex",
                    "aformat=channel_layouts=mono,showwavespic=s=640x120:colors=0x1f6feb", "-frames:v", "1"));
        } else {
            if (src.kind() == AssetKind.VIDEO) {
                args.addAll(List.of("-ss", seconds(Math.min(1000, src.durationMs() / 2))));
            }
            args.addAll(List.of("-v", "error", "-i", source.toString(), "-map", "0:v:0", "-frames:v", "1",
                    "-vf", "scale=" + PREVIEW_WIDTH + ":-2"));
        }
        args.add(out.toString());
        ffmpeg.run(args, 0, p -> { }, Duration.ofMinutes(2));
        return out;
    }

    /**
     * Two-pass loudnorm in linear mode (one gain for the whole bulletin, no pumping). When the peaks would not
     * fit under the true-peak target after that gain (synthetic speech peaks at 0 dBFS yet measures −18 LUFS),
     * a peak limiter goes first, so the second pass stays linear and lands on −16 LUFS instead of falling back
     * to loudnorm's dynamic mode, which undershoots short clips. The limit comes from one cheap pass
     * ({@link #fitLimit}), because limiting lowers the loudness the gain is computed from.
     *
     * <p>The second pass reports what it delivered (print_format=json: output_i, output_tp, normalization_type),
     * so the output is not measured again. If that report shows the limited pass did not stay linear, missed
     * −16 LUFS by more than {@link #FAST_LIMIT_TOLERANCE_LU} or let the true peak over, the limited signal is
     * measured in full with loudnorm and the second pass runs again on those figures.
     */
    private Made speech(Path source, ProbeResult src, Path workDir, IntConsumer progress) throws RenditionFailed {
        IntConsumer percent = monotonic(progress);
        long ms = src.durationMs();
        Loudness in = measure(source, "", ms, p -> percent.accept(p * 45 / 100));
        if (in.silent()) {
            throw new RenditionFailed(String.format(Locale.ROOT,
                    "Âm thanh gần như im lặng (%.1f LUFS), không chuẩn hoá độ to được"
                            + " / The audio is (nearly) silent (%.1f LUFS) and cannot be loudness-normalised",
                    in.integratedLufs(), in.integratedLufs()));
        }
        Path out = workDir.resolve("speech.mp3");
        double gain = TARGET_LUFS - in.integratedLufs();
        if (in.truePeakDbtp() + gain <= TARGET_TP) {
            return new Made(out, in,
                    secondPass(source, out, "", in, ms, p -> percent.accept(45 + p * 55 / 100)).delivered());
        }
        double limitDb = Math.max(MIN_LIMIT_DB, TARGET_TP - gain - PEAK_MARGIN_DB);
        String limiter = limiter(limitDb);
        Loudness fit = fitLimit(source, in, limitDb, ms);
        if (fit != null) {
            double fitLimitDb = fit.truePeakDbtp() - PEAK_MARGIN_DB + 0.02;
            String fitLimiter = limiter(fitLimitDb);
            Pass one = secondPass(source, out, fitLimiter, fit, ms, p -> percent.accept(50 + p / 2));
            Loudness delivered = one.delivered();
            if (one.linear() && Math.abs(delivered.integratedLufs() - TARGET_LUFS) <= FAST_LIMIT_TOLERANCE_LU
                    && delivered.truePeakDbtp() <= TARGET_TP + 0.2) {
                return new Made(out, in, delivered);
            }
        }
        Loudness measured = measure(source, limiter, ms, p -> percent.accept(60 + p * 15 / 100));
        return new Made(out, in,
                secondPass(source, out, limiter, measured, ms, p -> percent.accept(75 + p / 4)).delivered());
    }

    private static String limiter(double limitDb) {
        return String.format(Locale.ROOT, "alimiter=limit=%.5f:level=false:attack=5:release=50,",
                Math.pow(10, limitDb / 20));
    }

    private static final int LIMIT_CANDIDATES = 8;
    private static final double LIMIT_STEP_DB = 1.5;
    private static final java.util.regex.Pattern EBUR128_SUMMARY = java.util.regex.Pattern.compile(
            "\\[Parsed_ebur128_(\\d+) @ [^\\]]+\\] Summary:\\s+Integrated loudness:\\s+I:\\s+(-?[0-9.]+) LUFS");

    /**
     * Limiting shaves loudness too, so the limit that lets one linear gain reach −16 LUFS with peaks under the
     * target is found in one cheap pass: the source through alimiter at {@link #LIMIT_CANDIDATES} limits from
     * firstLimitDb down, each measured by ebur128 (integrated loudness only; no true-peak oversampling), side by
     * side in one ffmpeg. The limit is interpolated where limit + margin + gain meets the true-peak target.
     * Returns the measurement to give loudnorm's linear second pass (true peak = limit + margin), or null if no
     * candidate fits (then the limited signal is measured in full).
     */
    private Loudness fitLimit(Path source, Loudness in, double firstLimitDb, long ms) throws RenditionFailed {
        double[] limits = new double[LIMIT_CANDIDATES];
        StringBuilder graph = new StringBuilder("[0:a:0]aformat=channel_layouts=mono,asplit=" + LIMIT_CANDIDATES);
        for (int k = 0; k < LIMIT_CANDIDATES; k++) {
            limits[k] = Math.max(MIN_LIMIT_DB, firstLimitDb - k * LIMIT_STEP_DB);
            graph.append("[l").append(k).append(']');
        }
        for (int k = 0; k < LIMIT_CANDIDATES; k++) {
            String lim = limiter(limits[k]);
            graph.append(";[l").append(k).append(']').append(lim).append("ebur128=framelog=verbose,anullsink");
        }
        String err = ffmpeg.run(List.of("-v", "info", "-i", source.toString(), "-filter_complex", graph.toString(),
                "-map", "0:a:0", "-f", "null", "-"), ms, p -> { }, timeout(ms));
        java.util.TreeMap<Integer, Double> byInstance = new java.util.TreeMap<>();
        java.util.regex.Matcher m = EBUR128_SUMMARY.matcher(err);
        while (m.find()) {
            byInstance.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
        }
        if (byInstance.size() != LIMIT_CANDIDATES) {
            return null;
        }
        double[] loud = byInstance.values().stream().mapToDouble(Double::doubleValue).toArray();
        // excess(k) = limit + margin + (target − loudness) − target TP; the limit wanted has excess 0.
        double prevExcess = Double.NaN;
        for (int k = 0; k < LIMIT_CANDIDATES; k++) {
            double excess = limits[k] + PEAK_MARGIN_DB + TARGET_LUFS - loud[k] - TARGET_TP;
            if (excess <= 0 && loud[k] > Loudness.SILENCE_LUFS) {
                double limitDb = limits[k];
                double lufs = loud[k];
                if (k > 0 && prevExcess > 0) {
                    double t = prevExcess / (prevExcess - excess);
                    limitDb = limits[k - 1] + t * (limits[k] - limits[k - 1]);
                    lufs = loud[k - 1] + t * (loud[k] - loud[k - 1]);
                }
                // a little under the target, so rounding cannot tip loudnorm out of linear mode
                return new Loudness(lufs, limitDb + PEAK_MARGIN_DB - 0.02, in.rangeLu(),
                        in.thresholdLufs() + lufs - in.integratedLufs(), in.targetOffset());
            }
            prevExcess = excess;
        }
        return null;
    }

    /**
     * The encoding pass: loudnorm with the given measurement, linear=true. Returns what loudnorm reports about
     * its output, and whether it stayed linear (false: it fell back to dynamic mode).
     */
    private record Pass(Loudness delivered, boolean linear) {
    }

    private Pass secondPass(Path source, Path out, String limiter, Loudness measured, long ms,
                                IntConsumer percent) throws RenditionFailed {
        String second = String.format(Locale.ROOT, "%s:measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f"
                        + ":measured_thresh=%.2f:offset=%.2f:linear=true:print_format=json", loudnorm(),
                measured.integratedLufs(), measured.truePeakDbtp(), measured.rangeLu(), measured.thresholdLufs(),
                measured.targetOffset());
        String err = ffmpeg.run(List.of("-v", "info", "-i", source.toString(), "-map", "0:a:0", "-af",
                "aformat=channel_layouts=mono," + limiter + second + ",aresample=44100", "-ac", "1",
                "-c:a", "libmp3lame", "-b:a", SPEECH_BITRATE, "-map_metadata", "-1", "-write_xing", "1",
                out.toString()), ms, percent, timeout(ms));
        return new Pass(Loudness.parseOutput(err), "linear".equals(Loudness.normalizationType(err)));
    }

    private static IntConsumer monotonic(IntConsumer percent) {
        int[] last = {-1};
        return p -> {
            if (p > last[0]) {
                last[0] = p;
                percent.accept(p);
            }
        };
    }

    private Path video(Path source, ProbeResult src, MediaProfile profile, Path workDir, IntConsumer percent)
            throws RenditionFailed {
        Path out = workDir.resolve("video.mp4");
        int w = profile.width();
        int h = profile.height();
        String vf = "scale=trunc(iw*sar/2)*2:ih,setsar=1,scale=" + w + ":" + h
                + ":force_original_aspect_ratio=decrease:force_divisible_by=2,pad=" + w + ":" + h
                + ":(ow-iw)/2:(oh-ih)/2:color=black,fps=" + OUTPUT_FPS + ",format=yuv420p";
        List<String> args = new ArrayList<>(List.of("-v", "error", "-i", source.toString(), "-map", "0:v:0",
                "-map", "0:a:0?", "-vf", vf, "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
                "-profile:v", "high", "-level:v", "4.1", "-maxrate", "8M", "-bufsize", "16M",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
                "-map_metadata", "-1", "-movflags", "+faststart", out.toString()));
        ffmpeg.run(args, src.durationMs(), percent, timeout(src.durationMs()));
        return out;
    }

    /** Pictures fitted on a black frame; transparency is laid over black, as an LED panel shows it. */
    private Path picture(Path source, MediaProfile profile, Path workDir, IntConsumer percent)
            throws RenditionFailed {
        Path out = workDir.resolve("picture.png");
        int w = profile.width();
        int h = profile.height();
        String graph = "color=c=black:s=" + w + "x" + h + ":d=1[bg];[0:v:0]scale=" + w + ":" + h
                + ":force_original_aspect_ratio=decrease[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2:format=auto,format=rgb24";
        ffmpeg.run(List.of("-v", "error", "-i", source.toString(), "-filter_complex", graph, "-frames:v", "1",
                out.toString()), 0, percent, Duration.ofMinutes(2));
        return out;
    }

    private static String loudnorm() {
        return String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=11", TARGET_LUFS, TARGET_TP);
    }

    /**
     * The source's rate if the Pi can take it; 50/60 fps halves to 25/30; anything else above 30 becomes 30;
     * 25 when the source has no rate. Worked out by the fps filter from the rate ffmpeg itself found for the
     * input (source_fps), so no separate ffprobe runs before the encode.
     */
    static final String OUTPUT_FPS = ("if(gt(source_fps\\,0)\\,if(lte(source_fps\\,MAX+0.01)\\,source_fps\\,"
            + "if(lte(source_fps/2\\,MAX+0.01)\\,source_fps/2\\,MAX))\\,25)").replace("MAX", String.valueOf(MAX_FPS));

    /** Generous: ten times real time plus ten minutes. */
    private static Duration timeout(long durationMs) {
        return Duration.ofMinutes(10).plusMillis(durationMs * 10);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
