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

    /** The same occurrence, begun at {@code t} instead. */
    public Segment from(long t) {
        return new Segment(entry, item, itemStart, t, endAt);
    }

    public boolean isEmergency() {
        return Schedule.EMERGENCY.equals(entry.clazz());
    }
}
