package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.campaign;
import static vn.bantin.schedule.Fixtures.loop;
import static vn.bantin.schedule.Fixtures.normal;
import static vn.bantin.schedule.Fixtures.once;
import static vn.bantin.schedule.Fixtures.oneDay;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.sha;
import static vn.bantin.schedule.Fixtures.toAreas;
import static vn.bantin.schedule.Fixtures.video;

class LoopInterleaveTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"), area(2, 1L, "Xã"));

    private static List<TimelineEntry> compile(Campaign... campaigns) {
        return TimelineCompiler.compile(oneDay(AREAS, List.of(screen(60, 2L)), List.of(campaigns)))
                .timelines().get(60L).entries();
    }

    private static List<String> shas(TimelineEntry entry) {
        return entry.items().stream().map(TimelineItem::sha256).toList();
    }

    @Test
    @DisplayName("equal-rank loops interleave item by item over their overlap, anchored at the overlap start")
    void equalRankLoopsInterleave() {
        Campaign a = normal(10, List.of(video(1, 2), video(2, 2)), List.of(loop(100, "0 8 * * *", 120)), toAreas(1L));
        Campaign b = normal(11, List.of(video(3, 3)), List.of(loop(101, "0 9 * * *", 120)), toAreas(1L));

        List<TimelineEntry> entries = compile(b, a);

        assertThat(entries).extracting(TimelineEntry::startMs).containsExactly(at("08:00"), at("09:00"), at("10:00"));
        assertThat(entries).extracting(TimelineEntry::endMs).containsExactly(at("09:00"), at("10:00"), at("11:00"));
        assertThat(entries).extracting(TimelineEntry::anchorMs).containsExactly(at("08:00"), at("09:00"), at("09:00"));
        TimelineEntry merged = entries.get(1);
        assertThat(merged.mode()).isEqualTo(SlotMode.LOOP);
        assertThat(merged.campaignId()).isEqualTo(10L);
        assertThat(merged.campaignName()).isEqualTo("Chiến dịch 10 + Chiến dịch 11");
        assertThat(shas(merged)).containsExactly(sha("asset-1"), sha("asset-3"), sha("asset-2"), sha("asset-3"));
        assertThat(entries.get(2).campaignId()).isEqualTo(11L);
        assertThat(shas(entries.get(2))).containsExactly(sha("asset-3"));
    }

    @Test
    @DisplayName("a bulletin inside an interleaved stretch splits it into two entries with the overlap's anchor")
    void bulletinSplitsInterleavedStretch() {
        Campaign a = normal(10, List.of(video(1, 2)), List.of(loop(100, "0 8 * * *", 120)), toAreas(1L));
        Campaign b = normal(11, List.of(video(2, 2)), List.of(loop(101, "0 8 * * *", 120)), toAreas(1L));
        Campaign news = normal(12, List.of(video(3, 5)), List.of(once(102, "0 9 * * *")), toAreas(1L));

        List<TimelineEntry> entries = compile(a, b, news);

        assertThat(entries).extracting(TimelineEntry::mode)
                .containsExactly(SlotMode.LOOP, SlotMode.ONCE, SlotMode.LOOP);
        assertThat(entries.get(0).anchorMs()).isEqualTo(at("08:00"));
        assertThat(entries.get(2).anchorMs()).isEqualTo(at("08:00"));
        assertThat(shas(entries.get(2))).containsExactly(sha("asset-1"), sha("asset-2"));
    }

    @Test
    @DisplayName("different ranks do not interleave: the higher rank keeps the overlap")
    void differentRanksDoNotInterleave() {
        Campaign low = campaign(10, BroadcastClass.NORMAL, 1, List.of(video(1, 2)), List.of(loop(100, "0 8 * * *", 120)),
                toAreas(1L));
        Campaign high = campaign(11, BroadcastClass.NORMAL, 2, List.of(video(2, 2)),
                List.of(loop(101, "0 8 * * *", 120)), toAreas(1L));

        assertThat(compile(low, high)).extracting(TimelineEntry::campaignId).containsExactly(11L);
    }

    @Test
    @DisplayName("the same inputs in another order interleave the same way")
    void interleavingIsDeterministic() {
        Campaign a = normal(10, List.of(video(1, 2)), List.of(loop(100, "0 8 * * *", 120)), toAreas(1L));
        Campaign b = normal(11, List.of(video(2, 2)), List.of(loop(101, "30 8 * * *", 120)), toAreas(1L));
        Campaign c = normal(12, List.of(video(3, 2)), List.of(loop(102, "0 9 * * *", 30)), toAreas(1L));

        assertThat(compile(c, b, a)).isEqualTo(compile(a, b, c));
    }
}
