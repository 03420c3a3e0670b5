package vn.bantin.media;

import io.vertx.core.json.JsonObject;

/**
 * What ffmpeg's loudnorm measured over a whole programme (EBU R128): integrated loudness (LUFS), true peak
 * (dBTP), loudness range (LU), the gating threshold and the offset loudnorm's second pass needs.
 */
public record Loudness(double integratedLufs, double truePeakDbtp, double rangeLu, double thresholdLufs,
                       double targetOffset) {

    /** Below this there is nothing to normalise: gain would only lift noise. */
    static final double SILENCE_LUFS = -60;

    public boolean silent() {
        return !Double.isFinite(integratedLufs) || integratedLufs < SILENCE_LUFS;
    }

    /** Parses the JSON block loudnorm prints at the end of stderr with print_format=json. */
    static Loudness parse(String stderr) throws RenditionFailed {
        int open = stderr.lastIndexOf('{');
        int close = stderr.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new RenditionFailed("Không đo được độ to / loudness could not be measured");
        }
        JsonObject j = new JsonObject(stderr.substring(open, close + 1));
        return new Loudness(num(j, "input_i"), num(j, "input_tp"), num(j, "input_lra"), num(j, "input_thresh"),
                num(j, "target_offset"));
    }

    private static double num(JsonObject j, String key) {
        String v = j.getString(key, "nan").strip();
        return switch (v) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }
}
