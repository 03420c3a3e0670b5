package vn.bantin.evidence.report;

import java.util.Map;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.SlotMode;

/**
 * One item of the approved plan on one endpoint: a ONCE entry (one expected broadcast) or a LOOP window
 * (expected airtime over [startMs, endMs)).
 *
 * @param contentMs the playlist's duration per content kind; a LOOP window's airtime is shared between
 *                  kinds in these proportions, a ONCE entry has one kind
 * @param reason    the evidence classification when it is known that no record can come, else null
 */
public record ExpectedItem(long endpointId, String entryId, long campaignId, SlotMode mode, long startMs,
                           long endMs, Map<AssetKind, Long> contentMs, PlanReason reason) {

    /** The kind a ONCE entry is counted under: its only (or longest) content kind. */
    public AssetKind kind() {
        return contentMs.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(AssetKind.AUDIO);
    }
}
