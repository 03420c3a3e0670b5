package vn.bantin.domain;

import java.util.List;

/**
 * One entry of an endpoint's timeline (see contract/README.md). For LOOP entries the playlist is laid
 * out from anchorMs; for ONCE entries anchorMs equals startMs and there is exactly one item.
 */
public record TimelineEntry(String id, long startMs, long endMs, SlotMode mode, BroadcastClass broadcastClass,
                            long campaignId, String campaignName, int volume, long anchorMs,
                            List<TimelineItem> items) {
}
