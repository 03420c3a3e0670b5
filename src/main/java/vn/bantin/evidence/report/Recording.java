package vn.bantin.evidence.report;

/** The recording of a live session kept as an asset (what was said on air stays on record). */
public record Recording(long assetId, String name) {
}
