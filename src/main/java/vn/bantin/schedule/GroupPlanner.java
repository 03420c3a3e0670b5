package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.TimelineItem;
import vn.bantin.schedule.Candidates.Bulletin;
import vn.bantin.schedule.Candidates.LoopWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves what one group of alike endpoints (same kind, zone, quiet hours and campaigns) airs.
 * Class by class, highest first: bulletins take their times (a lower one colliding with a higher one
 * is made next, or dropped past its allowed delay), then loops fill what is left, higher rank first.
 */
final class GroupPlanner {

    /** A timeline entry before it is stamped with an endpoint's id. */
    record Draft(Campaign campaign, Slot slot, long occurrenceMs, int itemIndex, long startMs, long endMs,
                 long anchorMs, SlotMode mode, List<TimelineItem> items) {
    }

    record DraftConflict(Campaign campaign, Slot slot, long occurrenceMs, Conflict.Kind kind, String reason) {
    }

    record Plan(List<Draft> entries, List<DraftConflict> conflicts) {
    }

    private final long fromMs;
    private final long toMs;
    private final QuietWindows quiet;
    private final String quietLabel;
    private final Occupancy occupancy = new Occupancy();
    private final List<Draft> drafts = new ArrayList<>();
    private final List<DraftConflict> conflicts = new ArrayList<>();

    /** @param quietSource the area whose quiet hours apply (speakers only), or null */
    GroupPlanner(long fromMs, long toMs, QuietWindows quiet, Area quietSource) {
        this.fromMs = fromMs;
        this.toMs = toMs;
        this.quiet = quiet;
        this.quietLabel = quietSource == null ? ""
                : quietSource.quietHours().from() + "–" + quietSource.quietHours().to() + " (" + quietSource.name() + ")";
    }

    Plan plan(Candidates candidates) {
        candidates.sort();
        BroadcastClass[] classes = BroadcastClass.values();
        for (int c = classes.length - 1; c >= 0; c--) {
            BroadcastClass cls = classes[c];
            candidates.bulletins.stream().filter(b -> b.campaign().broadcastClass() == cls).forEach(this::place);
            candidates.loops.stream().filter(l -> l.campaign().broadcastClass() == cls).forEach(this::fill);
        }
        drafts.sort(Comparator.comparingLong(Draft::startMs));
        return new Plan(List.copyOf(drafts), List.copyOf(conflicts));
    }

    private void place(Bulletin b) {
        long wanted = b.occurrenceMs();
        if (quietApplies(b.campaign()) && quiet.intersects(wanted, wanted + b.durationMs())) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.QUIET_HOURS,
                    "Trong giờ yên lặng " + quietLabel + " / Inside quiet hours " + quietLabel);
            return;
        }
        long start = occupancy.earliestFree(wanted, b.durationMs());
        long delay = start - wanted;
        Occupancy.Block blocker = occupancy.firstOverlap(wanted, wanted + b.durationMs());
        Duration allowed = b.slot().allowedDelay() == null ? Slot.DEFAULT_ALLOWED_DELAY : b.slot().allowedDelay();
        if (delay > allowed.toMillis()) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.DROPPED,
                    "Bỏ: trùng «" + blocker.label() + "», phải lùi " + minutes(delay) + " phút, quá "
                            + allowed.toMinutes() + " phút cho phép / Dropped: collides with '" + blocker.label()
                            + "', would be " + minutes(delay) + " min late, over the allowed "
                            + allowed.toMinutes() + " min");
            return;
        }
        if (quietApplies(b.campaign()) && quiet.intersects(start, start + b.durationMs())) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.QUIET_HOURS,
                    "Lùi sau «" + blocker.label() + "» thì rơi vào giờ yên lặng " + quietLabel
                            + " / Delayed behind '" + blocker.label() + "' into quiet hours " + quietLabel);
            return;
        }
        if (delay > 0) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.DELAYED,
                    "Lùi " + minutes(delay) + " phút, phát ngay sau «" + blocker.label() + "» / Delayed "
                            + minutes(delay) + " min, plays right after '" + blocker.label() + "'");
        }
        occupancy.add(start, start + b.durationMs(), b.campaign().name());
        long itemStart = start;
        for (int i = 0; i < b.items().size(); i++) {
            TimelineItem item = b.items().get(i);
            long itemEnd = itemStart + item.durationMs();
            if (itemEnd > fromMs && itemStart < toMs) {
                drafts.add(new Draft(b.campaign(), b.slot(), wanted, i, itemStart, itemEnd, itemStart,
                        SlotMode.ONCE, List.of(item)));
            }
            itemStart = itemEnd;
        }
    }

    private void fill(LoopWindow loop) {
        List<long[]> audible = List.of(new long[] {loop.startMs(), loop.endMs()});
        if (quietApplies(loop.campaign()) && quiet.intersects(loop.startMs(), loop.endMs())) {
            report(loop.campaign(), loop.slot(), loop.occurrenceMs(), Conflict.Kind.QUIET_HOURS,
                    "Cắt phần trong giờ yên lặng " + quietLabel + " / Cut the part inside quiet hours " + quietLabel);
            audible = quiet.outside(loop.startMs(), loop.endMs());
        }
        for (long[] part : audible) {
            for (long[] free : occupancy.free(part[0], part[1])) {
                occupancy.add(free[0], free[1], loop.campaign().name());
                long start = Math.max(free[0], fromMs);
                long end = Math.min(free[1], toMs);
                if (start < end) {
                    drafts.add(new Draft(loop.campaign(), loop.slot(), loop.occurrenceMs(), -1, start, end,
                            loop.startMs(), SlotMode.LOOP, loop.items()));
                }
            }
        }
    }

    private boolean quietApplies(Campaign campaign) {
        return !quiet.isEmpty() && campaign.broadcastClass() != BroadcastClass.EMERGENCY;
    }

    private void report(Campaign campaign, Slot slot, long occurrenceMs, Conflict.Kind kind, String reason) {
        if (occurrenceMs >= fromMs && occurrenceMs < toMs) {
            conflicts.add(new DraftConflict(campaign, slot, occurrenceMs, kind, reason));
        }
    }

    private static long minutes(long ms) {
        return (ms + 59_999) / 60_000;
    }
}
