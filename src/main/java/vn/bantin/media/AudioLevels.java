package vn.bantin.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loudness for every sound the controller delivers, speakers' bulletins and screens' video alike: −16 LUFS
 * integrated, true peak at most −1.5 dBTP. Works out the audio filter that gets a source there (two-pass
 * loudnorm in linear mode: one gain for the whole programme, no pumping; a peak limiter first when the peaks
 * would not fit under the target after that gain), and measures what a delivered file actually holds
 * (ebur128 with true peak, on the file itself: the encoder moves both figures).
 */
final class AudioLevels {

    static final double TARGET_LUFS = -16;
    /** The delivered limit is −1.5 dBTP; loudnorm aims 0.5 dB lower to leave room for encoder overshoot. */
    static final double TARGET_TP = -2.0;
    static final double DELIVERED_TP_LIMIT = -1.5;
    /** The limiter works on samples; true (inter-sample) peaks may sit up to ~1 dB above them. */
    private static final double PEAK_MARGIN_DB = 1.0;
    /** alimiter's lowest limit (0.0625). */
    private static final double MIN_LIMIT_DB = -24;
    private static final int LIMIT_CANDIDATES = 8;
    private static final double LIMIT_STEP_DB = 1.5;
    private static final Pattern EBUR128_SUMMARY = Pattern.compile(
            "\\[Parsed_ebur128_(\\d+) @ [^\\]]+\\] Summary:\\s+Integrated loudness:\\s+I:\\s+(-?[0-9.]+) LUFS");
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-?inf) LUFS");
    private static final Pattern TRUE_PEAK = Pattern.compile("Peak:\\s+(-?[0-9.]+|-?inf) dBFS");

    /** How a programme's channels are measured and delivered: mono for speakers, stereo for screens. */
    enum Layout {
        MONO("mono"), STEREO("stereo");

        final String name;

        Layout(String name) {
            this.name = name;
        }
    }

    /**
     * The audio filter to deliver (aformat, maybe a limiter, loudnorm's second pass), the source's own loudness,
     * and the limit used when the limiter's figures were fitted cheaply rather than measured (null otherwise):
     * if the delivered file misses, {@link #exact} measures the limited signal itself.
     */
    record Plan(String filter, Loudness source, Double fittedLimitDb) {
    }

    private final FfmpegCommand ffmpeg;
    /** The integrated loudness delivered, LUFS ({@link #TARGET_LUFS} unless configured otherwise). */
    private final double target;

    AudioLevels(FfmpegCommand ffmpeg, double targetLufs) {
        this.ffmpeg = ffmpeg;
        this.target = targetLufs;
    }

    /** First pass of loudnorm: the programme's loudness as it is. */
    Loudness measure(Path source, Layout layout, String preFilter, long ms, IntConsumer percent)
            throws RenditionFailed {
        String err = ffmpeg.run(List.of("-v", "info", "-i", source.toString(), "-vn", "-map", "0:a:0", "-af",
                "aformat=channel_layouts=" + layout.name + "," + preFilter + loudnorm() + ":print_format=json",
                "-f", "null", "-"), ms, percent, budget(ms));
        return Loudness.parse(err);
    }

    /** Measures the source and plans its filter; a (nearly) silent source cannot be normalised. */
    Plan plan(Path source, Layout layout, long ms, IntConsumer percent) throws RenditionFailed {
        Loudness in = measure(source, layout, "", ms, percent);
        if (in.silent()) {
            throw new RenditionFailed(String.format(Locale.ROOT,
                    "Âm thanh gần như im lặng (%.1f LUFS), không chuẩn hoá độ to được"
                            + " / The audio is (nearly) silent (%.1f LUFS) and cannot be loudness-normalised",
                    in.integratedLufs(), in.integratedLufs()));
        }
        double gain = target - in.integratedLufs();
        if (in.truePeakDbtp() + gain <= TARGET_TP) {
            return new Plan(filter(layout, "", in), in, null);
        }
        double limitDb = Math.max(MIN_LIMIT_DB, TARGET_TP - gain - PEAK_MARGIN_DB);
        Loudness fit = fitLimit(source, layout, in, limitDb, ms);
        if (fit != null) {
            double fitLimitDb = fit.truePeakDbtp() - PEAK_MARGIN_DB + 0.02;
            return new Plan(filter(layout, limiter(fitLimitDb), fit), in, limitDb);
        }
        return exact(source, layout, new Plan(null, in, limitDb), ms);
    }

    /** The limited signal measured in full with loudnorm: slower than the fit, exact. */
    Plan exact(Path source, Layout layout, Plan fitted, long ms) throws RenditionFailed {
        String limiter = limiter(fitted.fittedLimitDb());
        Loudness measured = measure(source, layout, limiter, ms, p -> { });
        return new Plan(filter(layout, limiter, measured), fitted.source(), null);
    }

    /** Integrated loudness and true peak of a delivered file's first audio stream, measured on the file. */
    Loudness delivered(Path file, long ms) throws RenditionFailed {
        String err = ffmpeg.run(List.of("-v", "info", "-i", file.toString(), "-map", "0:a:0", "-af",
                "ebur128=peak=true", "-f", "null", "-"), ms, p -> { }, budget(ms));
        int summary = err.lastIndexOf("Summary:");
        if (summary < 0) {
            throw new RenditionFailed("Không đo được độ to / loudness could not be measured");
        }
        String tail = err.substring(summary);
        return new Loudness(number(INTEGRATED, tail), number(TRUE_PEAK, tail), Double.NaN, Double.NaN, Double.NaN);
    }

    /** Within tolerance of the target and under the delivered true-peak limit. */
    boolean onTarget(Loudness delivered, double toleranceLu) {
        return Math.abs(delivered.integratedLufs() - target) <= toleranceLu
                && delivered.truePeakDbtp() <= DELIVERED_TP_LIMIT;
    }

    private static double number(Pattern p, String text) throws RenditionFailed {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new RenditionFailed("Không đo được độ to / loudness could not be measured");
        }
        String v = m.group(1);
        return v.endsWith("inf") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : Double.parseDouble(v);
    }

    /** loudnorm's second pass with the measurement, linear, resampled back from its internal 192 kHz. */
    private String filter(Layout layout, String limiter, Loudness m) {
        return String.format(Locale.ROOT, "aformat=channel_layouts=%s,%s%s:measured_I=%.2f:measured_TP=%.2f"
                        + ":measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true", layout.name, limiter,
                loudnorm(), m.integratedLufs(), m.truePeakDbtp(), m.rangeLu(), m.thresholdLufs(), m.targetOffset());
    }

    private static String limiter(double limitDb) {
        return String.format(Locale.ROOT, "alimiter=limit=%.5f:level=false:attack=5:release=50,",
                Math.pow(10, limitDb / 20));
    }

    private String loudnorm() {
        return String.format(Locale.ROOT, "loudnorm=I=%.1f:TP=%.1f:LRA=11", target, TARGET_TP);
    }

    /**
     * Limiting shaves loudness too, so the limit that lets one linear gain reach −16 LUFS with peaks under the
     * target is found in one cheap pass: the source through alimiter at {@link #LIMIT_CANDIDATES} limits from
     * firstLimitDb down, each measured by ebur128 (integrated loudness only; no true-peak oversampling), side by
     * side in one ffmpeg. The limit is interpolated where limit + margin + gain meets the true-peak target.
     * Returns the measurement to give loudnorm's linear second pass (true peak = limit + margin), or null if no
     * candidate fits (then the limited signal is measured in full).
     */
    private Loudness fitLimit(Path source, Layout layout, Loudness in, double firstLimitDb, long ms)
            throws RenditionFailed {
        double[] limits = new double[LIMIT_CANDIDATES];
        StringBuilder graph = new StringBuilder("[0:a:0]aformat=channel_layouts=" + layout.name + ",asplit="
                + LIMIT_CANDIDATES);
        for (int k = 0; k < LIMIT_CANDIDATES; k++) {
            limits[k] = Math.max(MIN_LIMIT_DB, firstLimitDb - k * LIMIT_STEP_DB);
            graph.append("[l").append(k).append(']');
        }
        for (int k = 0; k < LIMIT_CANDIDATES; k++) {
            graph.append(";[l").append(k).append(']').append(limiter(limits[k])).append("ebur128=framelog=verbose,anullsink");
        }
        String err = ffmpeg.run(List.of("-v", "info", "-i", source.toString(), "-filter_complex", graph.toString(),
                "-map", "0:a:0", "-f", "null", "-"), ms, p -> { }, budget(ms));
        TreeMap<Integer, Double> byInstance = new TreeMap<>();
        Matcher m = EBUR128_SUMMARY.matcher(err);
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
            double excess = limits[k] + PEAK_MARGIN_DB + target - loud[k] - TARGET_TP;
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

    /** An audio-only pass: a minute plus twice the programme's length, whatever the machine's load. */
    static Duration budget(long ms) {
        return Duration.ofMinutes(1).plusMillis(ms * 2);
    }
}
