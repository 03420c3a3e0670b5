package vn.bantin.store;

/**
 * One stored rendition of an asset for a profile: what an endpoint with that profile downloads. recipe: the
 * fingerprint of the RenditionRecipe it was made by (null: made before recipes were recorded).
 */
public record Rendition(long assetId, String profile, String sha256, long sizeBytes, long durationMs,
                        String videoCodec, String audioCodec, Integer width, Integer height, Double loudnessLufs,
                        Double truePeakDbtp, long createdAt, String recipe) {
}
