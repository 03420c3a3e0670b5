package vn.bantin.domain;

/** An asset in a campaign's playlist; durationMs is how long it airs (an image's display time). */
public record PlaylistItem(Asset asset, long durationMs) {
}
