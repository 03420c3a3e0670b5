package vn.bantin.store;

/** An asset's processing state and measured facts (asset columns added by V4). */
public record AssetMedia(long assetId, String status, String failureReason, Double loudnessLufs,
                         Double truePeakDbtp, Double loudnessRangeLu, String previewSha256) {

    public static final String PROCESSING = "PROCESSING";
    public static final String READY = "READY";
    public static final String FAILED = "FAILED";
}
