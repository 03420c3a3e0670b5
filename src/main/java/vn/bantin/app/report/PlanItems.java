package vn.bantin.app.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;
import vn.bantin.evidence.report.ExpectedItem;

/** A compiled timeline as plan items: every ONCE entry an expected broadcast, every LOOP window expected airtime. */
public final class PlanItems {

    private PlanItems() {
    }

    public static List<ExpectedItem> of(Timeline timeline) {
        return timeline.entries().stream().map(e -> item(timeline.endpointId(), e)).toList();
    }

    private static ExpectedItem item(long endpointId, TimelineEntry e) {
        Map<AssetKind, Long> content = new EnumMap<>(AssetKind.class);
        for (TimelineItem i : e.items()) {
            content.merge(i.kind(), Math.max(1, i.durationMs()), Long::sum);
        }
        return new ExpectedItem(endpointId, e.id(), Math.max(0, e.campaignId()), e.mode(), e.startMs(), e.endMs(),
                content, null);
    }
}
