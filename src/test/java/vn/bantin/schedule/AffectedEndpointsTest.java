package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.Targets;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.normal;
import static vn.bantin.schedule.Fixtures.once;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.speaker;
import static vn.bantin.schedule.Fixtures.toAreas;

class AffectedEndpointsTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"), area(2, 1L, "Xã A"), area(3, 2L, "Thôn"),
            area(4, 1L, "Xã B"));
    private static final List<Endpoint> ENDPOINTS = List.of(speaker(50, 3L), speaker(51, 4L, "cho"), screen(52, 3L),
            speaker(53, null), speaker(54, 2L));
    private static final Campaign COMMUNE_A = normal(10, List.of(audio(1, 1)), List.of(once(100, "0 6 * * *")),
            toAreas(2L));
    private static final Campaign MARKETS = normal(11, List.of(audio(2, 1)), List.of(once(101, "0 7 * * *")),
            new Targets(Set.of(), Set.of("cho"), Set.of(53L)));
    private static final List<Campaign> CAMPAIGNS = List.of(COMMUNE_A, MARKETS);

    private static Set<Long> affected(ChangeScope scope) {
        return AffectedEndpoints.of(scope, AREAS, ENDPOINTS, CAMPAIGNS);
    }

    @Test
    @DisplayName("a campaign reaches its areas' descendants of the kinds it has items for, its tags and endpoints")
    void campaigns() {
        assertThat(affected(ChangeScope.campaigns(10L))).containsExactly(50L, 54L);
        assertThat(affected(ChangeScope.campaigns(11L))).containsExactly(51L, 53L);
    }

    @Test
    @DisplayName("an area reaches every endpoint in it or below; an asset what its campaigns reach")
    void areasAndAssets() {
        assertThat(affected(ChangeScope.areas(2L))).containsExactly(50L, 52L, 54L);
        assertThat(affected(ChangeScope.assets(2L))).containsExactly(51L, 53L);
        assertThat(affected(ChangeScope.endpoints(52L))).containsExactly(52L);
    }

    @Test
    @DisplayName("an unknown reach is every endpoint")
    void everything() {
        assertThat(affected(ChangeScope.all())).containsExactly(50L, 51L, 52L, 53L, 54L);
    }

    @Test
    @DisplayName("recompiling only the affected endpoints gives the same timelines as a full compile")
    void incrementalEqualsFull() {
        ScheduleInput full = Fixtures.oneDay(AREAS, ENDPOINTS, CAMPAIGNS);
        Set<Long> ids = affected(ChangeScope.campaigns(10L));
        ScheduleInput some = Fixtures.oneDay(AREAS, ENDPOINTS.stream().filter(e -> ids.contains(e.id())).toList(),
                CAMPAIGNS);

        CompiledSchedule all = TimelineCompiler.compile(full);
        CompiledSchedule part = TimelineCompiler.compile(some);
        for (long id : ids) {
            assertThat(part.timelines().get(id)).isEqualTo(all.timelines().get(id));
        }
    }
}
