package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.LiveSession.EndpointState;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.domain.Targets;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.*;

@DisplayName("Live reach: the loudspeakers a live session goes to, picked by area, tag or endpoint")
class LiveReachTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"), area(2, 1L, "Xã Bình Sơn"),
            quietArea(3, 2L, "Thôn 1", "21:30", "05:30"), area(4, 1L, "Xã khác"));
    private static final List<Endpoint> ENDPOINTS = List.of(speaker(10, 2L, "cho"), speaker(11, 3L),
            speaker(12, 4L, "cho"), screen(13, 2L, "cho"),
            new Endpoint(14, "loa-14", EndpointKind.SPEAKER, 2L, Set.of("cho"), EndpointStatus.REVOKED));

    private static List<Long> reached(Targets targets, BroadcastClass cls, String localTime) {
        return LiveReach.of(targets, cls, AREAS, ENDPOINTS, at(localTime)).stream().map(Reach::endpointId).toList();
    }

    @Test
    @DisplayName("an area takes its sub-areas' speakers; a tag and an endpoint id pick across areas; screens and"
            + " revoked speakers are never reached")
    void byAreaTagOrEndpoint() {
        assertThat(reached(new Targets(Set.of(2L), Set.of(), Set.of()), BroadcastClass.NORMAL, "10:00"))
                .containsExactly(10L, 11L);
        assertThat(reached(new Targets(Set.of(), Set.of("cho"), Set.of()), BroadcastClass.NORMAL, "10:00"))
                .containsExactly(10L, 12L);
        assertThat(reached(new Targets(Set.of(), Set.of(), Set.of(12L, 13L)), BroadcastClass.NORMAL, "10:00"))
                .containsExactly(12L);
    }

    @Test
    @DisplayName("in its area's quiet hours a speaker refuses a NORMAL or PRIORITY session with the reason, and takes"
            + " an EMERGENCY one")
    void quietHours() {
        Targets commune = new Targets(Set.of(2L), Set.of(), Set.of());
        for (BroadcastClass cls : List.of(BroadcastClass.NORMAL, BroadcastClass.PRIORITY)) {
            assertThat(LiveReach.of(commune, cls, AREAS, ENDPOINTS, at("22:00")))
                    .extracting(Reach::endpointId, Reach::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, EndpointState.WAITING),
                            org.assertj.core.groups.Tuple.tuple(11L, EndpointState.REFUSED));
        }
        assertThat(LiveReach.of(commune, BroadcastClass.PRIORITY, AREAS, ENDPOINTS, at("22:00")).get(1).detail())
                .contains("21:30–05:30").contains("quiet hours");
        assertThat(LiveReach.of(commune, BroadcastClass.EMERGENCY, AREAS, ENDPOINTS, at("22:00")))
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(EndpointState.WAITING));
    }
}
