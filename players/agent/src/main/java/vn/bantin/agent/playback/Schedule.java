package vn.bantin.agent.playback;

import java.util.ArrayList;
import java.util.List;
import vn.bantin.agent.sync.Timeline;

/**
 * Pure timeline arithmetic: what covers an instant, what comes next, where a loop stands. STREAM entries
 * are not segments (nothing to play from the cache): {@link #streamAt} finds them, the rest skips them.
 */
public final class Schedule {

    public static final String EMERGENCY = "EMERGENCY";

    private Schedule() {
    }

    /** The segment that should be playing at {@code now}, or null between entries. */
    public static Segment at(Timeline timeline, long now) {
        int i = timeline.lastStartingBy(now);
        if (i < 0) {
            return null;
        }
        Timeline.Entry e = timeline.entries().get(i);
        if (now >= e.end() || e.isStream()) {
            return null;
        }
        return e.isLoop() ? loopSegment(e, now) : onceSegment(e);
    }

    /** The STREAM entry covering {@code now}, or null. */
    public static Timeline.Entry streamAt(Timeline timeline, long now) {
        int i = timeline.lastStartingBy(now);
        Timeline.Entry e = i < 0 ? null : timeline.entries().get(i);
        return e != null && e.isStream() && now < e.end() ? e : null;
    }

    /** Start of the first STREAM entry starting after {@code now}, or Long.MAX_VALUE. */
    public static long nextStreamStart(Timeline timeline, long now) {
        for (int i = timeline.lastStartingBy(now) + 1; i < timeline.entries().size(); i++) {
            if (timeline.entries().get(i).isStream()) {
                return timeline.entries().get(i).start();
            }
        }
        return Long.MAX_VALUE;
    }

    /** The first segment of the first entry starting after {@code now}, or null. */
    public static Segment next(Timeline timeline, long now) {
        int i = timeline.lastStartingBy(now) + 1;
        while (i < timeline.entries().size() && timeline.entries().get(i).isStream()) {
            i++;
        }
        if (i >= timeline.entries().size()) {
            return null;
        }
        Timeline.Entry e = timeline.entries().get(i);
        return e.isLoop() ? loopSegment(e, e.start()) : onceSegment(e);
    }

    /** What comes once {@code seg} is over: the loop's next item, or the first entry starting at or after its end. */
    public static Segment following(Timeline timeline, Segment seg) {
        if (seg.entry().isLoop() && seg.endAt() < seg.entry().end()) {
            return loopSegment(seg.entry(), seg.endAt());
        }
        return next(timeline, seg.endAt() - 1);
    }

    /** The ONCE entries starting in {@code [from, to)}, in order. */
    public static List<Timeline.Entry> onceStartingBetween(Timeline timeline, long from, long to) {
        List<Timeline.Entry> out = new ArrayList<>();
        for (int i = Math.max(0, timeline.lastStartingBy(from - 1) + 1); i < timeline.entries().size(); i++) {
            Timeline.Entry e = timeline.entries().get(i);
            if (e.start() >= to) {
                break;
            }
            if (!e.isLoop() && !e.isStream()) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The first EMERGENCY entry, other than the playing one, that starts before the playing segment
     * would end and has not ended yet: the alert that must cut it. Null when there is none.
     */
    public static Timeline.Entry emergencyCutting(Timeline timeline, Segment playing, long now) {
        return emergencyCutting(timeline, playing.entry().id(), playing.endAt(), now);
    }

    /**
     * The alert that cuts a relay's window: one starting before {@code plannedEnd}, the window's end when the relay
     * began, whatever end a later timeline gives it (one that ends it where the alert starts). An alert starting
     * exactly at that end takes over from a window that ended as planned: it cuts nothing.
     */
    public static Timeline.Entry alertCuttingWindow(Timeline timeline, String windowId, long plannedEnd, long now) {
        return emergencyCutting(timeline, windowId, plannedEnd, now);
    }

    /** The same for the entry {@code playingId} planned to play until {@code until}. */
    public static Timeline.Entry emergencyCutting(Timeline timeline, String playingId, long until, long now) {
        for (int i = Math.max(0, timeline.lastStartingBy(now)); i < timeline.entries().size(); i++) {
            Timeline.Entry e = timeline.entries().get(i);
            if (e.start() >= until) {
                break;
            }
            if (EMERGENCY.equals(e.clazz()) && e.end() > now && !e.id().equals(playingId)) {
                return e;
            }
        }
        return null;
    }

    static Segment onceSegment(Timeline.Entry e) {
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
