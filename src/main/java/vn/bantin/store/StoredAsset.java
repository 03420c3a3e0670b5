package vn.bantin.store;

import vn.bantin.domain.Asset;

/**
 * An asset with the probe facts staff see and the area that owns it (null: every area); the compiler needs
 * only {@link #asset()}.
 */
public record StoredAsset(Asset asset, String formatName, String videoCodec, String audioCodec, Integer width,
                          Integer height, long createdAt, Long areaId) {
}
