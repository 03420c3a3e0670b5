package vn.bantin.evidence;

import vn.bantin.domain.AssetKind;

/** A ONCE timeline entry an endpoint was due to play: one broadcast expected. */
public record ExpectedPlay(long endpointId, long campaignId, String entryId, long startMs, long durationMs,
                           AssetKind kind) {
}
