package vn.bantin.app;

/** A live source as staff typed it, before validation. */
public record LiveSourceDraft(String name, String url, String description, Long fallbackAssetId) {
}
