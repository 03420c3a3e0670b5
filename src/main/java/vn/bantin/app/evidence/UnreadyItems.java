package vn.bantin.app.evidence;

import vn.bantin.app.UnreadyContent;
import vn.bantin.domain.Asset;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.schedule.PlannedItem;
import vn.bantin.schedule.PlannedItems;
import vn.bantin.schedule.ScheduleInput;
import vn.bantin.schedule.TimelineCompiler;
import vn.bantin.store.AssetMedia;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the plan holds but endpoints of one profile cannot air because none of a campaign's content has a finished
 * rendition for them (still processing, or failed): the timeline leaves such a campaign out, so without this it
 * would be a silent gap in the evidence. Its items are planned as dropped, with the reason in words a culture
 * officer understands ("Nội dung chưa xử lý xong: «tên» (đang xử lý)"), so reports list them as exceptions.
 */
final class UnreadyItems {

    private UnreadyItems() {
    }

    /**
     * @param swapped the campaigns as the timeline sees them (RenditionSwap: items without a rendition left out), in
     *                the snapshot's order
     */
    static Map<Long, List<PlannedItem>> of(PlanSnapshot s, List<Endpoint> group, List<Campaign> swapped, long from,
                                           long to) {
        EndpointKind kind = group.get(0).kind();
        List<Campaign> unready = new ArrayList<>();
        Map<Long, String> reasons = new HashMap<>();
        for (int i = 0; i < s.campaigns.size(); i++) {
            Campaign original = s.campaigns.get(i);
            Asset first = firstPlayable(original, kind);
            if (first != null && firstPlayable(swapped.get(i), kind) == null) {
                unready.add(original);
                reasons.put(original.id(), UnreadyContent.reason(first, s.media.getOrDefault(first.id(),
                        new AssetMedia(first.id(), AssetMedia.PROCESSING, null, null, null, null, null))));
            }
        }
        Map<Long, List<PlannedItem>> out = new HashMap<>();
        if (unready.isEmpty()) {
            return out;
        }
        ScheduleInput input = new ScheduleInput(s.areas, group, unready, List.of(), from, to);
        PlannedItems.of(TimelineCompiler.compile(input), input).forEach((endpointId, items) -> out.put(endpointId,
                items.stream().map(p -> new PlannedItem(p.entryId(), p.mode(), true, p.campaignId(), p.alertId(),
                        p.broadcastClass(), p.startMs(), p.endMs(), p.campaignName(), p.items(),
                        reasons.get(p.campaignId()))).toList()));
        return out;
    }

    private static Asset firstPlayable(Campaign c, EndpointKind kind) {
        for (PlaylistItem item : c.playlist() == null ? List.<PlaylistItem>of() : c.playlist()) {
            if (item.asset() != null && kind.accepts(item.asset().kind())) {
                return item.asset();
            }
        }
        return null;
    }
}
