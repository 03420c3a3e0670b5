package vn.bantin.schedule;

import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;

import java.util.List;

/**
 * The expected plays of a timeline: its ONCE entries. Entry ids are stable, so timelines compiled
 * over overlapping windows give the same play the same id; the store keeps one row per id.
 */
public final class ExpectedPlays {

    private ExpectedPlays() {
    }

    public static List<ExpectedPlay> of(Timeline timeline) {
        return timeline.entries().stream()
                .filter(e -> e.mode() == SlotMode.ONCE)
                .map(e -> expected(timeline.endpointId(), e))
                .toList();
    }

    private static ExpectedPlay expected(long endpointId, TimelineEntry entry) {
        TimelineItem item = entry.items().get(0);
        return new ExpectedPlay(endpointId, entry.id(), entry.campaignId(), entry.broadcastClass(), item.sha256(),
                item.kind(), entry.startMs(), entry.endMs());
    }
}
