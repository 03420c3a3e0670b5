package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.DAY;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.campaign;
import static vn.bantin.schedule.Fixtures.once;
import static vn.bantin.schedule.Fixtures.quietArea;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.speaker;
import static vn.bantin.schedule.Fixtures.toAreas;
import static vn.bantin.schedule.Fixtures.video;

class QuietHoursCheckTest {

    private static final List<Area> AREAS = List.of(quietArea(1, null, "Xã Hòa Bình", "21:30", "05:30"),
            area(2, 1L, "Thôn 3"));
    private static final List<Endpoint> ENDPOINTS = List.of(speaker(50, 2L), speaker(51, 2L), screen(60, 2L));
    private static final long WEEK_FROM = at("00:00");
    private static final long WEEK_TO = at(DAY.plusDays(7), "00:00");

    @Test
    @DisplayName("a nightly audio bulletin clashes once per slot and time, naming campaign, slot, time and area")
    void nightlyBulletinClashes() {
        Campaign night = campaign(10, BroadcastClass.NORMAL, 0, List.of(audio(1, 5)),
                List.of(once(7, "0 22 * * *"), once(8, "0 6 * * *")), toAreas(1L));

        List<QuietHoursCheck.Clash> clashes = QuietHoursCheck.clashes(night, AREAS, ENDPOINTS, WEEK_FROM, WEEK_TO);

        assertThat(clashes).singleElement().satisfies(c -> {
            assertThat(c.slotId()).isEqualTo(7);
            assertThat(c.areaId()).isEqualTo(1);
            assertThat(c.startMs()).isEqualTo(at("22:00"));
            assertThat(c.message()).contains("Chiến dịch 10").contains("khung giờ 1 lúc 22:00 ngày 01/12/2025")
                    .contains("21:30–05:30").contains("Xã Hòa Bình").contains("slot 1 at 22:00 on 2025-12-01");
        });
    }

    @Test
    @DisplayName("a bulletin that runs into quiet hours clashes; one that ends as they begin does not")
    void edges() {
        Campaign runsIn = campaign(10, BroadcastClass.PRIORITY, 0, List.of(audio(1, 10)),
                List.of(once(7, "25 21 * * *")), toAreas(1L));
        Campaign endsAtStart = campaign(11, BroadcastClass.NORMAL, 0, List.of(audio(1, 10)),
                List.of(once(8, "20 21 * * *")), toAreas(1L));

        assertThat(QuietHoursCheck.clashes(runsIn, AREAS, ENDPOINTS, WEEK_FROM, WEEK_TO)).hasSize(1);
        assertThat(QuietHoursCheck.clashes(endsAtStart, AREAS, ENDPOINTS, WEEK_FROM, WEEK_TO)).isEmpty();
    }

    @Test
    @DisplayName("emergency, screen-only content and areas without quiet hours never clash")
    void noClash() {
        Campaign storm = campaign(10, BroadcastClass.EMERGENCY, 0, List.of(audio(1, 5)),
                List.of(once(7, "0 23 * * *")), toAreas(1L));
        Campaign screens = campaign(11, BroadcastClass.NORMAL, 0, List.of(video(2, 5)),
                List.of(once(8, "0 23 * * *")), toAreas(1L));
        Campaign elsewhere = campaign(12, BroadcastClass.NORMAL, 0, List.of(audio(1, 5)),
                List.of(once(9, "0 23 * * *")), toAreas(5L));
        List<Area> areas = List.of(AREAS.get(0), AREAS.get(1), area(5, null, "Xã không giờ yên lặng"));
        List<Endpoint> endpoints = List.of(speaker(50, 2L), speaker(55, 5L));

        assertThat(QuietHoursCheck.clashes(storm, areas, endpoints, WEEK_FROM, WEEK_TO)).isEmpty();
        assertThat(QuietHoursCheck.clashes(screens, areas, endpoints, WEEK_FROM, WEEK_TO)).isEmpty();
        assertThat(QuietHoursCheck.clashes(elsewhere, areas, endpoints, WEEK_FROM, WEEK_TO)).isEmpty();
    }
}
