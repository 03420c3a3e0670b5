package vn.bantin.app.live;

import vn.bantin.domain.StreamRef;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;
import vn.bantin.schedule.AlertOverlay;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an endpoint is scheduled to play from now on, taken from the timeline its device was given: the entry on
 * the air now and the next few, within a few hours. A loop changes item every few seconds; heartbeats come every
 * half hour, so screens work out the item from this plan and say that it is the plan.
 */
final class OnAirSchedule {

    static final long AHEAD_MS = 6 * 3_600_000L;
    static final int MAX_ENTRIES = 6;

    private OnAirSchedule() {
    }

    static List<OnAirEntry> of(Timeline timeline, long now, Names names) throws SQLException {
        List<OnAirEntry> out = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            if (e.endMs() <= now || e.startMs() >= now + AHEAD_MS) {
                continue;
            }
            List<OnAirEntry.Item> items = new ArrayList<>();
            for (TimelineItem item : e.items()) {
                items.add(new OnAirEntry.Item(names.asset(item.sha256()), item.durationMs()));
            }
            out.add(new OnAirEntry(e.id(), e.campaignId() == AlertOverlay.NO_CAMPAIGN ? null : e.campaignId(),
                    e.campaignName(), e.broadcastClass().name(), e.mode().name(), e.startMs(), e.endMs(),
                    e.anchorMs(), items, stream(e.stream(), names)));
        }
        out.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
        return out.size() > MAX_ENTRIES ? List.copyOf(out.subList(0, MAX_ENTRIES)) : out;
    }

    private static OnAirEntry.Stream stream(StreamRef ref, Names names) throws SQLException {
        if (ref == null) {
            return null;
        }
        String speaker = ref.liveSessionId() == null ? null : names.speaker(ref.liveSessionId());
        return new OnAirEntry.Stream(ref.name(), ref.sourceId(), ref.liveSessionId(), speaker);
    }
}
