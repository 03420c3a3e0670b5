package vn.bantin.app.live;

import java.util.List;

/**
 * One entry of the timeline an endpoint's device was given, by name, so a screen can tell what plays at any
 * moment of it without asking again: for LOOP the items repeat from {@code anchorMs} (item i of cycle k starts at
 * anchor + k·cycle + the durations before i), for ONCE they play once from {@code startMs}.
 * {@code campaignId} is null for an alert. {@code stream} says what a STREAM entry relays (null for files).
 */
public record OnAirEntry(String entryId, Long campaignId, String campaignName, String broadcastClass, String mode,
                         long startMs, long endMs, long anchorMs, List<Item> items, Stream stream) {

    /** @param assetName null when the content is no longer known by name */
    public record Item(String assetName, long durationMs) {
    }

    /**
     * A relayed source ({@code sourceId}) or a live session ({@code liveSessionId}, with {@code speaker}: the
     * display name of who opened it), by the name staff gave it.
     */
    public record Stream(String name, Long sourceId, Long liveSessionId, String speaker) {
    }
}
