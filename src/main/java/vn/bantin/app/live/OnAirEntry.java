package vn.bantin.app.live;

import java.util.List;

/**
 * One entry of the timeline an endpoint's device was given, by name, so a screen can tell what plays at any
 * moment of it without asking again: for LOOP the items repeat from {@code anchorMs} (item i of cycle k starts at
 * anchor + k·cycle + the durations before i), for ONCE they play once from {@code startMs}.
 * {@code campaignId} is null for an alert.
 */
public record OnAirEntry(String entryId, Long campaignId, String campaignName, String broadcastClass, String mode,
                         long startMs, long endMs, long anchorMs, List<Item> items) {

    /** @param assetName null when the content is no longer known by name */
    public record Item(String assetName, long durationMs) {
    }
}
