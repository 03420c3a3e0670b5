package vn.bantin.domain;

import java.util.List;

/**
 * One entry of an endpoint's timeline (see contract/README.md). For LOOP entries the playlist is laid
 * out from anchorMs; for ONCE entries anchorMs equals startMs and there is exactly one item. A STREAM
 * entry relays {@code stream} from start to end; its items (none, or the fallback) fill any outage.
 */
public record TimelineEntry(String id, long startMs, long endMs, SlotMode mode, BroadcastClass broadcastClass,
                            long campaignId, String campaignName, int volume, long anchorMs,
                            List<TimelineItem> items, StreamRef stream) {

    /** An entry that plays files. */
    public TimelineEntry(String id, long startMs, long endMs, SlotMode mode, BroadcastClass broadcastClass,
                         long campaignId, String campaignName, int volume, long anchorMs, List<TimelineItem> items) {
        this(id, startMs, endMs, mode, broadcastClass, campaignId, campaignName, volume, anchorMs, items, null);
    }

    /** The same entry over [startMs, endMs) under another id (a part cut by an alert). */
    public TimelineEntry part(String partId, long fromMs, long toMs) {
        return new TimelineEntry(partId, fromMs, toMs, mode, broadcastClass, campaignId, campaignName, volume, anchorMs,
                items, stream);
    }
}
