package vn.bantin.schedule;

import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;

/** One play an endpoint owes: a ONCE entry of its timeline. Reports compare these with play records. */
public record ExpectedPlay(long endpointId, String entryId, long campaignId, BroadcastClass broadcastClass,
                           String sha256, AssetKind kind, long startMs, long endMs) {
}
