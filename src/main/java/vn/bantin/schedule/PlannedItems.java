package vn.bantin.schedule;

import vn.bantin.domain.Alert;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of each endpoint of a compilation as {@link PlannedItem}s: every timeline entry, and every
 * bulletin item the compiler dropped (kind DROPPED, or QUIET_HOURS for a bulletin; a loop cut by quiet hours
 * simply has less airtime), under the entry id it would have had. Pure; sorted by start.
 */
public final class PlannedItems {

    private PlannedItems() {
    }

    public static Map<Long, List<PlannedItem>> of(CompiledSchedule compiled, ScheduleInput input) {
        Map<Long, Campaign> campaigns = new HashMap<>();
        input.campaigns().forEach(c -> campaigns.put(c.id(), c));
        Map<Long, Endpoint> endpoints = new HashMap<>();
        input.endpoints().forEach(e -> endpoints.put(e.id(), e));
        Map<Long, List<PlannedItem>> out = new LinkedHashMap<>();
        for (Map.Entry<Long, Timeline> t : compiled.timelines().entrySet()) {
            out.put(t.getKey(), entries(t.getValue(), input.alerts()));
        }
        for (Conflict conflict : compiled.conflicts()) {
            List<PlannedItem> items = out.get(conflict.endpointId());
            Campaign campaign = campaigns.get(conflict.campaignId());
            if (items != null && campaign != null && isDrop(conflict, campaign)) {
                items.addAll(dropped(conflict, campaign, endpoints.get(conflict.endpointId())));
            }
        }
        out.values().forEach(items -> items.sort(Comparator.comparingLong(PlannedItem::startMs)
                .thenComparing(PlannedItem::entryId)));
        return out;
    }

    private static List<PlannedItem> entries(Timeline timeline, List<Alert> alerts) {
        Map<String, Long> alertIds = new HashMap<>();
        for (Alert alert : alerts) {
            for (int k = 0; alert.plays(k); k++) {
                alertIds.put(AlertOverlay.entryId(timeline.endpointId(), alert.id(), k), alert.id());
            }
        }
        List<PlannedItem> items = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            items.add(new PlannedItem(e.id(), e.mode(), false, e.campaignId(),
                    e.campaignId() == AlertOverlay.NO_CAMPAIGN ? alertIds.get(e.id()) : null, e.broadcastClass(),
                    e.startMs(), e.endMs(), e.campaignName(), e.items(), null));
        }
        return items;
    }

    private static boolean isDrop(Conflict conflict, Campaign campaign) {
        return conflict.kind() == Conflict.Kind.DROPPED
                || (conflict.kind() == Conflict.Kind.QUIET_HOURS && slot(campaign, conflict.slotId()) != null
                && slot(campaign, conflict.slotId()).mode() == SlotMode.ONCE);
    }

    /** The items the bulletin would have aired, back to back from its occurrence, as the planner places them. */
    private static List<PlannedItem> dropped(Conflict conflict, Campaign campaign, Endpoint endpoint) {
        long occurrence = conflict.occurrenceStartMs();
        List<TimelineItem> playable = Candidates.usableAt(Candidates.playlistFor(campaign, endpoint.kind()), occurrence);
        List<PlannedItem> items = new ArrayList<>();
        long start = occurrence;
        for (int i = 0; i < playable.size(); i++) {
            TimelineItem item = playable.get(i);
            items.add(new PlannedItem(EntryIds.of(endpoint.id(), campaign.id(), conflict.slotId(), occurrence, i,
                    occurrence), SlotMode.ONCE, true, campaign.id(), null, campaign.broadcastClass(), start,
                    start + item.durationMs(), campaign.name(), List.of(item), conflict.reason()));
            start += item.durationMs();
        }
        return items;
    }

    private static Slot slot(Campaign campaign, long slotId) {
        return campaign.slots() == null ? null
                : campaign.slots().stream().filter(s -> s.id() == slotId).findFirst().orElse(null);
    }
}
