package vn.bantin.domain;

public record TimelineItem(String sha256, long sizeBytes, long durationMs, AssetKind kind) {
}
