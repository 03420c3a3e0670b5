package vn.bantin.schedule;

import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.TimelineItem;

import java.util.List;

/**
 * One item the approved plan put on an endpoint (DESIGN §5: expected plays are the plan): a ONCE entry is an
 * expected broadcast, a LOOP entry expected airtime over [startMs, endMs). A bulletin the compiler dropped
 * (a conflict, quiet hours) is an item too, {@code dropped}, with the conflict's words, and the entry id it
 * would have had.
 *
 * @param campaignId 0 for an alert, whose id is then {@code alertId}
 * @param campaignName the name the entry airs under (an alert's title; interleaved loops' names joined)
 */
public record PlannedItem(String entryId, SlotMode mode, boolean dropped, long campaignId, Long alertId,
                          BroadcastClass broadcastClass, long startMs, long endMs, String campaignName,
                          List<TimelineItem> items, String conflictReason) {
}
