package vn.bantin.media;

/**
 * A file now in the store. duplicate means the same bytes were already there (the upload was dropped).
 * safeName is the display name, as typed but for invisible characters; the file itself is addressed by sha256.
 */
public record IngestResult(String sha256, long sizeBytes, ProbeResult probe, boolean duplicate, String safeName) {
}
