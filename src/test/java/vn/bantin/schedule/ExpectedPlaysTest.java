package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Timeline;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.loop;
import static vn.bantin.schedule.Fixtures.normal;
import static vn.bantin.schedule.Fixtures.once;
import static vn.bantin.schedule.Fixtures.oneDay;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.toAreas;
import static vn.bantin.schedule.Fixtures.video;

class ExpectedPlaysTest {

    @Test
    @DisplayName("the ONCE entries of a timeline are its expected plays; loops are not")
    void onceEntriesOnly() {
        Campaign loopCampaign = normal(10, List.of(video(1, 2)), List.of(loop(100, "0 8 * * *", 120)), toAreas(1L));
        Campaign bulletin = normal(11, List.of(video(2, 5), video(3, 1)), List.of(once(101, "0 9 * * *")), toAreas(1L));
        Timeline timeline = TimelineCompiler.compile(oneDay(List.of(area(1, null, "Tỉnh")), List.of(screen(60, 1L)),
                List.of(loopCampaign, bulletin))).timelines().get(60L);

        List<ExpectedPlay> plays = ExpectedPlays.of(timeline);

        assertThat(plays).extracting(ExpectedPlay::startMs).containsExactly(at("09:00"), at("09:05"));
        assertThat(plays).allSatisfy(p -> {
            assertThat(p.endpointId()).isEqualTo(60);
            assertThat(p.campaignId()).isEqualTo(11);
            assertThat(p.kind()).isEqualTo(AssetKind.VIDEO);
        });
        assertThat(plays.get(0).entryId()).isEqualTo(timeline.entries().get(1).id());
        assertThat(plays.get(1).sha256()).isEqualTo(Fixtures.asset(3, AssetKind.VIDEO).sha256());
    }

    @Test
    @DisplayName("a play keeps its id when the window moves")
    void stableIdsAcrossWindows() {
        Campaign bulletin = normal(11, List.of(video(2, 5)), List.of(once(101, "0 9 * * *")), toAreas(1L));
        ScheduleInput day = oneDay(List.of(area(1, null, "Tỉnh")), List.of(screen(60, 1L)), List.of(bulletin));
        ScheduleInput later = new ScheduleInput(day.areas(), day.endpoints(), day.campaigns(), at("08:00"),
                day.toMs() + 3_600_000);

        String first = ExpectedPlays.of(TimelineCompiler.compile(day).timelines().get(60L)).get(0).entryId();
        String second = ExpectedPlays.of(TimelineCompiler.compile(later).timelines().get(60L)).get(0).entryId();

        assertThat(second).isEqualTo(first);
    }
}
