package vn.bantin.media;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Independent checks of made files with the real ffprobe and ffmpeg (ebur128, raw pixels). */
final class Inspect {

    record Ebur128(double integratedLufs, double truePeakDbtp) {
    }

    private Inspect() {
    }

    /** ffprobe's first video (or audio) stream as JSON, with format duration as "duration". */
    static JsonObject stream(Path file, String type) {
        JsonObject all = new JsonObject(run(List.of("ffprobe", "-v", "error", "-select_streams", type + ":0",
                "-show_streams", "-show_format", "-of", "json", file.toString())));
        JsonObject s = all.getJsonArray("streams").getJsonObject(0);
        return s.put("format_duration", all.getJsonObject("format").getString("duration"));
    }

    static boolean hasStream(Path file, String type) {
        return !new JsonObject(run(List.of("ffprobe", "-v", "error", "-select_streams", type, "-show_streams", "-of",
                "json", file.toString()))).getJsonArray("streams").isEmpty();
    }

    /** Integrated loudness and true peak as ffmpeg's ebur128 filter reports them in its summary. */
    static Ebur128 ebur128(Path file) {
        String log = run(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", file.toString(), "-af",
                "ebur128=peak=true", "-f", "null", "-"));
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new Ebur128(number(summary, "I:\\s+(-?[\\d.]+|-inf) LUFS"),
                number(summary, "True peak:\\s+Peak:\\s+(-?[\\d.]+|-inf) dBFS"));
    }

    /** The RGB of one pixel of the first frame. */
    static int[] pixel(Path file, int x, int y) {
        String crop = "format=rgb24,crop=1:1:" + x + ":" + y;
        byte[] raw = runBytes(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-frames:v", "1",
                "-vf", crop, "-f", "rawvideo", "-"));
        return new int[] {raw[0] & 0xff, raw[1] & 0xff, raw[2] & 0xff};
    }

    static boolean isBlack(int[] rgb) {
        return rgb[0] < 24 && rgb[1] < 24 && rgb[2] < 24;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }

    private static String run(List<String> cmd) {
        return new String(runBytes(cmd, true), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(List<String> cmd) {
        return runBytes(cmd, false);
    }

    private static byte[] runBytes(List<String> cmd, boolean mergeErr) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(mergeErr).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("failed: " + cmd + "\n" + new String(out, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
