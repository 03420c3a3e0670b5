package vn.bantin.domain;

import java.time.Instant;

/** One media item, stored by content hash. Images have no natural duration (0). */
public record Asset(long id, String sha256, String name, AssetKind kind, long sizeBytes, long durationMs,
                    boolean approved, Instant expiresAt) {

    public boolean usableAt(Instant t) {
        return approved && (expiresAt == null || t.isBefore(expiresAt));
    }
}
