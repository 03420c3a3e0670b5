package vn.bantin.app;

import vn.bantin.domain.Asset;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;
import vn.bantin.schedule.Conflict;
import vn.bantin.store.AssetMedia;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's entries still to come whose content is not processed (renditions still being made, or failed):
 * an endpoint plays only finished renditions, so such an entry would be a silent gap. Each becomes a
 * {@link Conflict.Kind#NOT_READY} conflict naming the content and why, Vietnamese first.
 */
public final class UnreadyContent {

    private UnreadyContent() {
    }

    public static List<Conflict> of(long endpointId, Timeline timeline, Map<String, Asset> assetsBySha,
                             Map<Long, AssetMedia> media, long nowMs) {
        List<Conflict> out = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            if (e.endMs() <= nowMs) {
                continue;
            }
            for (TimelineItem item : e.items()) {
                Asset asset = assetsBySha.get(item.sha256());
                AssetMedia m = asset == null ? null : media.get(asset.id());
                if (m != null && !AssetMedia.READY.equals(m.status())) {
                    out.add(new Conflict(endpointId, e.campaignId(), 0, e.startMs(), Conflict.Kind.NOT_READY,
                            reason(asset, m)));
                    break;
                }
            }
        }
        return out;
    }

    /** Why an endpoint will not play this asset's entry, in the words of the plan preview and the reports. */
    public static String reason(Asset asset, AssetMedia m) {
        boolean failed = AssetMedia.FAILED.equals(m.status());
        return "Nội dung chưa xử lý xong: «" + asset.name() + "» " + (failed ? "(xử lý lỗi)" : "(đang xử lý)")
                + ", thiết bị sẽ không phát mục này / Content not processed yet: «" + asset.name() + "» "
                + (failed ? "(processing failed)" : "(still processing)") + "; endpoints will not play this entry"
                + (failed && m.failureReason() != null ? " — " + m.failureReason() : "");
    }
}
