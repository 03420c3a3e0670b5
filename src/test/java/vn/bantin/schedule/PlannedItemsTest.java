package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.DAY;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.campaign;
import static vn.bantin.schedule.Fixtures.loop;
import static vn.bantin.schedule.Fixtures.min;
import static vn.bantin.schedule.Fixtures.normal;
import static vn.bantin.schedule.Fixtures.once;
import static vn.bantin.schedule.Fixtures.onceAt;
import static vn.bantin.schedule.Fixtures.oneDay;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.speaker;
import static vn.bantin.schedule.Fixtures.toAreas;
import static vn.bantin.schedule.Fixtures.video;

@DisplayName("PlannedItems: the plan of each endpoint, timeline entries and dropped bulletins alike")
class PlannedItemsTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"));

    @Test
    @DisplayName("every ONCE entry is an expected broadcast and every LOOP entry expected airtime, as compiled")
    void entries() {
        Campaign daypart = normal(10, List.of(video(1, 2)), List.of(loop(100, "0 8 * * *", 120)), toAreas(1L));
        Campaign bulletin = normal(11, List.of(video(2, 5), video(3, 1)), List.of(once(101, "0 9 * * *")), toAreas(1L));
        ScheduleInput input = oneDay(AREAS, List.of(screen(60, 1L)), List.of(daypart, bulletin));
        CompiledSchedule compiled = TimelineCompiler.compile(input);
        Timeline timeline = compiled.timelines().get(60L);

        List<PlannedItem> items = PlannedItems.of(compiled, input).get(60L);

        assertThat(items).extracting(PlannedItem::entryId)
                .containsExactlyElementsOf(timeline.entries().stream().map(TimelineEntry::id).toList());
        assertThat(items).extracting(PlannedItem::mode).containsExactly(SlotMode.LOOP, SlotMode.ONCE, SlotMode.ONCE,
                SlotMode.LOOP);
        assertThat(items).noneMatch(PlannedItem::dropped);
        assertThat(items.get(1).startMs()).isEqualTo(at("09:00"));
        assertThat(items.get(1).campaignName()).isEqualTo("Chiến dịch 11");
    }

    @Test
    @DisplayName("a bulletin dropped by a conflict is planned as dropped, under the id its entries would have had,"
            + " with the conflict's words")
    void dropped() {
        Campaign normal = campaign(10, BroadcastClass.NORMAL, 0, List.of(audio(10, 5), audio(12, 3)),
                List.of(onceAt(100, DAY + "T06:01")), toAreas(1L));
        Campaign emergency = campaign(11, BroadcastClass.EMERGENCY, 0, List.of(audio(11, 20)),
                List.of(onceAt(110, DAY + "T06:00")), toAreas(1L));
        Campaign alone = campaign(10, BroadcastClass.NORMAL, 0, normal.playlist(), normal.slots(), normal.targets());

        ScheduleInput input = oneDay(AREAS, List.of(speaker(50, 1L)), List.of(normal, emergency));
        List<PlannedItem> items = PlannedItems.of(TimelineCompiler.compile(input), input).get(50L);
        ScheduleInput without = oneDay(AREAS, List.of(speaker(50, 1L)), List.of(alone));
        List<TimelineEntry> wouldHave = TimelineCompiler.compile(without).timelines().get(50L).entries();

        List<PlannedItem> dropped = items.stream().filter(PlannedItem::dropped).toList();
        assertThat(dropped).hasSize(2).allSatisfy(d -> {
            assertThat(d.campaignId()).isEqualTo(10);
            assertThat(d.mode()).isEqualTo(SlotMode.ONCE);
            assertThat(d.conflictReason()).contains("Bỏ").contains("Dropped");
        });
        assertThat(dropped).extracting(PlannedItem::entryId)
                .containsExactlyElementsOf(wouldHave.stream().map(TimelineEntry::id).toList());
        assertThat(dropped).extracting(PlannedItem::startMs).containsExactly(at("06:01"), at("06:01") + min(5));
        assertThat(dropped.get(0).items().get(0).kind()).isEqualTo(AssetKind.AUDIO);
        assertThat(items.stream().filter(i -> !i.dropped())).extracting(PlannedItem::campaignId).containsExactly(11L);
    }

    @Test
    @DisplayName("an alert's entries carry the alert's id")
    void alerts() {
        var alert = AlertOverlayTest.alert(7, "10:00", 2, 30, null, Fixtures.asset(70, AssetKind.AUDIO), null,
                toAreas(1L));
        ScheduleInput input = new ScheduleInput(AREAS, List.of(speaker(50, 1L)), List.of(), List.of(alert),
                at("00:00"), at(DAY.plusDays(1), "00:00"));

        Map<Long, List<PlannedItem>> plans = PlannedItems.of(TimelineCompiler.compile(input), input);

        assertThat(plans.get(50L)).hasSize(2).allSatisfy(i -> {
            assertThat(i.alertId()).isEqualTo(7L);
            assertThat(i.campaignId()).isZero();
            assertThat(i.broadcastClass()).isEqualTo(BroadcastClass.EMERGENCY);
        });
    }
}
