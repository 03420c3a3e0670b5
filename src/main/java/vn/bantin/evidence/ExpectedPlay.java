package vn.bantin.evidence;

import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;

/**
 * One item the approved plan put on an endpoint's timeline, as recorded: a ONCE entry is one expected
 * broadcast, a LOOP entry expected airtime over [startMs, endMs). {@code dropped}: the compiler dropped it,
 * {@code conflictReason} says why.
 *
 * @param campaignId 0 for an alert, whose id is then {@code alertId}
 */
public record ExpectedPlay(long endpointId, String entryId, SlotMode mode, boolean dropped, long campaignId,
                           Long alertId, BroadcastClass broadcastClass, long startMs, long endMs, AssetKind kind,
                           String sha256, PlayNames names, String conflictReason) {
}
