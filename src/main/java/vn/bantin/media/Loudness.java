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

    /**
     * What loudnorm's second pass (print_format=json) reports about its own output: output_i and output_tp, as
     * integrated loudness and true peak (range, threshold and offset likewise from the output_* fields).
     * This is the signal loudnorm hands on to the encoder, measured by the same EBU R128 meter as the first pass.
     */
    static Loudness parseOutput(String stderr) throws RenditionFailed {
        int open = stderr.lastIndexOf('{');
        int close = stderr.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new RenditionFailed("Không đo được độ to / loudness could not be measured");
        }
        JsonObject j = new JsonObject(stderr.substring(open, close + 1));
        return new Loudness(num(j, "output_i"), num(j, "output_tp"), num(j, "output_lra"), num(j, "output_thresh"),
                num(j, "target_offset"));
    }

    /** "linear" or "dynamic": the mode loudnorm's second pass actually ran in. */
    static String normalizationType(String stderr) {
        int open = stderr.lastIndexOf('{');
        int close = stderr.lastIndexOf('}');
        if (open < 0 || close < open) {
            return "";
        }
        return new JsonObject(stderr.substring(open, close + 1)).getString("normalization_type", "").strip();
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
