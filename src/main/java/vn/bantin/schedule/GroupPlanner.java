package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.StreamRef;
import vn.bantin.domain.TimelineItem;
import vn.bantin.schedule.Candidates.Bulletin;
import vn.bantin.schedule.Candidates.LoopWindow;
import vn.bantin.schedule.Candidates.RelayWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Resolves what one group of alike endpoints (same kind, zone, quiet hours and campaigns) airs.
 * Class by class, highest first: bulletins take their times (a lower one colliding with a higher one
 * is made next, or dropped past its allowed delay), then relays of live sources take what is left of
 * their windows, then loops fill what is left, higher rank first.
 * Loops of equal class and rank that overlap interleave: each stretch of time where the same set of
 * campaigns loops is one entry whose playlist alternates their items (round-robin in campaign id
 * order, a shorter playlist wrapping around), anchored at the start of that stretch.
 */
final class GroupPlanner {

    /** A timeline entry before it is stamped with an endpoint's id. */
    record Draft(Campaign campaign, Slot slot, long occurrenceMs, int itemIndex, long startMs, long endMs,
                 long anchorMs, SlotMode mode, List<TimelineItem> items, String campaignName, StreamRef stream) {
    }

    /** Item index of an entry that interleaves several loops. */
    static final int INTERLEAVED = -2;

    /** An audible part of a loop window; order is the loop's place in resolution order. */
    private record Piece(LoopWindow loop, int order, long start, long end) {
    }

    record DraftConflict(Campaign campaign, Slot slot, long occurrenceMs, Conflict.Kind kind,
                         ConflictReason reason) {
    }

    /** Entries by start; conflicts by occurrence, campaign id, slot id, else in the order they were met. */
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
            candidates.relays.stream().filter(r -> r.campaign().broadcastClass() == cls).forEach(this::relay);
            fillByRank(candidates.loops.stream().filter(l -> l.campaign().broadcastClass() == cls).toList());
        }
        drafts.sort(Comparator.comparingLong(Draft::startMs));
        conflicts.sort(Comparator.comparingLong(DraftConflict::occurrenceMs)
                .thenComparingLong(c -> c.campaign().id()).thenComparingLong(c -> c.slot().id()));
        return new Plan(List.copyOf(drafts), List.copyOf(conflicts));
    }

    private void place(Bulletin b) {
        long wanted = b.occurrenceMs();
        if (quietApplies(b.campaign()) && quiet.intersects(wanted, wanted + b.durationMs())) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.QUIET_HOURS,
                    ConflictReason.insideQuietHours(quietLabel));
            return;
        }
        long start = occupancy.earliestFree(wanted, b.durationMs());
        long delay = start - wanted;
        Occupancy.Block blocker = occupancy.firstOverlap(wanted, wanted + b.durationMs());
        Duration allowed = b.slot().allowedDelay() == null ? Slot.DEFAULT_ALLOWED_DELAY : b.slot().allowedDelay();
        if (delay > allowed.toMillis()) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.DROPPED,
                    ConflictReason.dropped(blocker.label(), delay, allowed));
            return;
        }
        if (quietApplies(b.campaign()) && quiet.intersects(start, start + b.durationMs())) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.QUIET_HOURS,
                    ConflictReason.delayedIntoQuietHours(blocker.label(), quietLabel));
            return;
        }
        if (delay > 0) {
            report(b.campaign(), b.slot(), wanted, Conflict.Kind.DELAYED,
                    ConflictReason.delayed(blocker.label(), delay));
        }
        occupancy.add(start, start + b.durationMs(), b.campaign().name());
        long itemStart = start;
        for (int i = 0; i < b.items().size(); i++) {
            TimelineItem item = b.items().get(i);
            long itemEnd = itemStart + item.durationMs();
            if (itemEnd > fromMs && itemStart < toMs) {
                drafts.add(new Draft(b.campaign(), b.slot(), wanted, i, itemStart, itemEnd, itemStart,
                        SlotMode.ONCE, List.of(item), b.campaign().name(), null));
            }
            itemStart = itemEnd;
        }
    }

    /** Loops come sorted by class, rank, campaign id: equal ranks are neighbours. */
    private void fillByRank(List<LoopWindow> loops) {
        int i = 0;
        while (i < loops.size()) {
            int j = i;
            while (j < loops.size() && loops.get(j).campaign().rank() == loops.get(i).campaign().rank()) {
                j++;
            }
            fillRank(loops.subList(i, j));
            i = j;
        }
    }

    /** Sweeps the boundaries of one rank's loops; each stretch with the same looping campaigns is filled once. */
    private void fillRank(List<LoopWindow> loops) {
        List<Piece> pieces = new ArrayList<>();
        TreeSet<Long> bounds = new TreeSet<>();
        for (int k = 0; k < loops.size(); k++) {
            for (long[] part : audible(loops.get(k))) {
                pieces.add(new Piece(loops.get(k), k, part[0], part[1]));
                bounds.add(part[0]);
                bounds.add(part[1]);
            }
        }
        pieces.sort(Comparator.comparingLong(Piece::start).thenComparingInt(Piece::order));
        List<Piece> open = new ArrayList<>();
        List<LoopWindow> current = List.of();
        long currentStart = 0;
        int next = 0;
        Long previous = null;
        for (long bound : bounds) {
            if (previous != null) {
                List<LoopWindow> playing = playing(open, previous);
                if (!playing.equals(current)) {
                    fillStretch(current, currentStart, previous);
                    current = playing;
                    currentStart = previous;
                }
            }
            while (next < pieces.size() && pieces.get(next).start() == bound) {
                open.add(pieces.get(next++));
            }
            previous = bound;
        }
        fillStretch(current, currentStart, previous == null ? 0 : previous);
    }

    /** The loops covering [at, …): one per campaign (its first in resolution order), in campaign order. */
    private static List<LoopWindow> playing(List<Piece> open, long at) {
        open.removeIf(p -> p.end() <= at);
        List<Piece> byOrder = new ArrayList<>(open);
        byOrder.sort(Comparator.comparingInt(Piece::order));
        List<LoopWindow> playing = new ArrayList<>();
        for (Piece p : byOrder) {
            if (playing.stream().noneMatch(l -> l.campaign().id() == p.loop().campaign().id())) {
                playing.add(p.loop());
            }
        }
        return playing;
    }

    private List<long[]> audible(LoopWindow loop) {
        return audible(loop.campaign(), loop.slot(), loop.occurrenceMs(), loop.startMs(), loop.endMs());
    }

    /** The parts of a window outside quiet hours (a conflict says what was cut). */
    private List<long[]> audible(Campaign campaign, Slot slot, long occurrenceMs, long start, long end) {
        if (quietApplies(campaign) && quiet.intersects(start, end)) {
            report(campaign, slot, occurrenceMs, Conflict.Kind.QUIET_HOURS, ConflictReason.loopCutByQuietHours(quietLabel));
            return quiet.outside(start, end);
        }
        return List.<long[]>of(new long[] {start, end});
    }

    /**
     * A relay takes what its class's bulletins and stronger entries left of its window, never interleaved: one
     * station at a time. Its fallback loops from the window's start.
     */
    private void relay(RelayWindow r) {
        for (long[] part : audible(r.campaign(), r.slot(), r.occurrenceMs(), r.startMs(), r.endMs())) {
            for (long[] free : occupancy.free(part[0], part[1])) {
                occupancy.add(free[0], free[1], r.campaign().name());
                long from = Math.max(free[0], fromMs);
                long to = Math.min(free[1], toMs);
                if (from < to) {
                    drafts.add(new Draft(r.campaign(), r.slot(), r.occurrenceMs(), -1, from, to, r.startMs(),
                            SlotMode.STREAM, r.fallback(), r.campaign().name(), r.stream()));
                }
            }
        }
    }

    private void fillStretch(List<LoopWindow> playing, long start, long end) {
        if (playing.isEmpty() || start >= end) {
            return;
        }
        LoopWindow lead = playing.get(0);
        if (playing.size() == 1) {
            fill(lead, start, end, lead.startMs(), -1, lead.items(), lead.campaign().name());
            return;
        }
        String names = String.join(" + ", playing.stream().map(l -> l.campaign().name()).toList());
        fill(lead, start, end, start, INTERLEAVED, interleave(playing), names);
    }

    /** Round r takes item r of each playlist in turn; a shorter playlist wraps around. */
    static List<TimelineItem> interleave(List<LoopWindow> playing) {
        int rounds = playing.stream().mapToInt(l -> l.items().size()).max().orElse(0);
        List<TimelineItem> items = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (LoopWindow loop : playing) {
                items.add(loop.items().get(r % loop.items().size()));
            }
        }
        return List.copyOf(items);
    }

    private void fill(LoopWindow loop, long start, long end, long anchor, int itemIndex, List<TimelineItem> items,
                      String name) {
        for (long[] free : occupancy.free(start, end)) {
            occupancy.add(free[0], free[1], name);
            long from = Math.max(free[0], fromMs);
            long to = Math.min(free[1], toMs);
            if (from < to) {
                drafts.add(new Draft(loop.campaign(), loop.slot(), loop.occurrenceMs(), itemIndex, from, to, anchor,
                        SlotMode.LOOP, items, name, null));
            }
        }
    }

    private boolean quietApplies(Campaign campaign) {
        return !quiet.isEmpty() && campaign.broadcastClass() != BroadcastClass.EMERGENCY;
    }

    private void report(Campaign campaign, Slot slot, long occurrenceMs, Conflict.Kind kind, ConflictReason reason) {
        if (occurrenceMs >= fromMs && occurrenceMs < toMs) {
            conflicts.add(new DraftConflict(campaign, slot, occurrenceMs, kind, reason));
        }
    }
}
