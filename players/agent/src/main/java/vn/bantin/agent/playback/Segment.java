package vn.bantin.agent.playback;

import vn.bantin.agent.sync.Timeline;

/**
 * One item to play: due at {@code itemStart}, begun at {@code startAt} (later when joining a loop),
 * and for loops cut at {@code endAt} (the item's end or the window's end, whichever comes first).
 */
public record Segment(Timeline.Entry entry, Timeline.Item item, long itemStart, long startAt, long endAt) {

    public long offsetMs() {
        return startAt - itemStart;
    }

    /** Identity of this item occurrence: the same entry, item position and due time. */
    public String key() {
        return entry.id() + "@" + itemStart + "#" + item.sha256();
    }
}
