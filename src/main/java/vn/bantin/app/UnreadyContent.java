package vn.bantin.app;

import vn.bantin.domain.Asset;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;
import vn.bantin.schedule.Conflict;
import vn.bantin.store.AssetMedia;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan's entries still to come whose content will not be processed by their start (renditions still being
 * made and estimated to finish after it, or failed): an endpoint plays only finished renditions, so such an
 * entry would be a silent gap. Each becomes a {@link Conflict.Kind#NOT_READY} conflict naming the content and
 * why, with the estimated finish when there is one, Vietnamese first. Content still processing but estimated to
 * be done before the entry starts is no conflict.
 */
public final class UnreadyContent {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    private UnreadyContent() {
    }

    /** readyAt: asset id → estimated epoch ms its processing ends (absent: no estimate). */
    public static List<Conflict> of(long endpointId, Timeline timeline, Map<String, Asset> assetsBySha,
                                    Map<Long, AssetMedia> media, Map<Long, Long> readyAt, ZoneId zone, long nowMs) {
        List<Conflict> out = new ArrayList<>();
        for (TimelineEntry e : timeline.entries()) {
            if (e.endMs() <= nowMs) {
                continue;
            }
            for (TimelineItem item : e.items()) {
                Asset asset = assetsBySha.get(item.sha256());
                AssetMedia m = asset == null ? null : media.get(asset.id());
                if (m == null || AssetMedia.READY.equals(m.status())) {
                    continue;
                }
                Long estimate = AssetMedia.FAILED.equals(m.status()) ? null : readyAt.get(asset.id());
                if (estimate != null && estimate <= e.startMs()) {
                    continue;
                }
                out.add(new Conflict(endpointId, e.campaignId(), 0, e.startMs(), Conflict.Kind.NOT_READY,
                        estimate == null ? reason(asset, m) : late(asset, estimate, e.startMs(), zone)));
                break;
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

    /** Still processing, and estimated to finish after the entry starts. */
    static String late(Asset asset, long estimateMs, long startMs, ZoneId zone) {
        String done = AT.format(Instant.ofEpochMilli(estimateMs).atZone(zone));
        String start = AT.format(Instant.ofEpochMilli(startMs).atZone(zone));
        return "Nội dung chưa xử lý xong: «" + asset.name() + "» (đang xử lý, dự kiến xong lúc " + done
                + ", sau giờ phát " + start + "), thiết bị sẽ không phát mục này nếu chưa xong"
                + " / Content not processed yet: «" + asset.name() + "» (still processing, expected done at " + done
                + ", after its slot at " + start + "); endpoints will not play this entry unless it is done by then";
    }
}
