package vn.bantin.agent.playback;

import vn.bantin.agent.sync.Timeline;

/** Pure timeline arithmetic: what covers an instant, what comes next, where a loop stands. */
public final class Schedule {

    public static final String EMERGENCY = "EMERGENCY";

    private Schedule() {
    }

    /** The segment that should be playing at {@code now}, or null between entries. */
    public static Segment at(Timeline timeline, long now) {
        for (Timeline.Entry e : timeline.entries()) {
            if (e.start() <= now && now < e.end()) {
                return e.isLoop() ? loopSegment(e, now) : onceSegment(e);
            }
            if (e.start() > now) {
                break;
            }
        }
        return null;
    }

    /** The first segment of the first entry starting after {@code now}, or null. */
    public static Segment next(Timeline timeline, long now) {
        for (Timeline.Entry e : timeline.entries()) {
            if (e.start() > now) {
                return e.isLoop() ? loopSegment(e, e.start()) : onceSegment(e);
            }
        }
        return null;
    }

    /**
     * The first EMERGENCY entry, other than the playing one, that starts before the playing segment
     * would end and has not ended yet: the alert that must cut it. Null when there is none.
     */
    public static Timeline.Entry emergencyCutting(Timeline timeline, Segment playing, long now) {
        for (Timeline.Entry e : timeline.entries()) {
            if (e.start() >= playing.endAt()) {
                break;
            }
            if (EMERGENCY.equals(e.clazz()) && e.end() > now && !e.id().equals(playing.entry().id())) {
                return e;
            }
        }
        return null;
    }

    private static Segment onceSegment(Timeline.Entry e) {
        return new Segment(e, e.items().get(0), e.start(), e.start(), e.end());
    }

    /**
     * Item {@code i} of cycle {@code k} starts at {@code anchor + k*cycle + sum(durations before i)}
     * (contract, LOOP); the segment starts at {@code t}, inside that item.
     */
    static Segment loopSegment(Timeline.Entry e, long t) {
        long cycle = e.cycleMs();
        long sinceAnchor = t - e.anchor();
        long cycleStart = e.anchor() + Math.floorDiv(sinceAnchor, cycle) * cycle;
        long itemStart = cycleStart;
        for (Timeline.Item item : e.items()) {
            long itemEnd = itemStart + item.durationMs();
            if (t < itemEnd) {
                return new Segment(e, item, itemStart, t, Math.min(itemEnd, e.end()));
            }
            itemStart = itemEnd;
        }
        throw new IllegalStateException("loop position outside its cycle");
    }
}
