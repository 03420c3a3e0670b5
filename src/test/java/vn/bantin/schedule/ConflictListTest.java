package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Slot;
import vn.bantin.schedule.GroupPlanner.DraftConflict;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.schedule.Fixtures.DAY;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.campaign;
import static vn.bantin.schedule.Fixtures.onceAt;
import static vn.bantin.schedule.Fixtures.toAreas;

class ConflictListTest {

    private static final Campaign CAMPAIGN = campaign(7, BroadcastClass.NORMAL, 0, List.of(audio(7, 5)),
            List.of(onceAt(70, DAY + "T06:00")), toAreas(1L));
    private static final Slot SLOT = CAMPAIGN.slots().get(0);

    private static DraftConflict conflict(long occurrenceMs) {
        return new DraftConflict(CAMPAIGN, SLOT, occurrenceMs, Conflict.Kind.DELAYED,
                ConflictReason.delayed("Bản tin", 60_000 * occurrenceMs));
    }

    @Test
    @DisplayName("endpoints without conflicts, first, last or between others, are skipped; groups share their list")
    void indexesAcrossEndpoints() {
        List<DraftConflict> shared = List.of(conflict(1), conflict(2));
        ConflictList list = new ConflictList(new long[] {10, 11, 12, 13, 14, 15},
                List.of(List.of(), shared, List.of(), List.of(), shared, List.of()));

        assertThat(list).hasSize(4)
                .extracting(Conflict::endpointId, Conflict::occurrenceStartMs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(11L, 1L), org.assertj.core.groups.Tuple.tuple(11L, 2L),
                        org.assertj.core.groups.Tuple.tuple(14L, 1L), org.assertj.core.groups.Tuple.tuple(14L, 2L));
        assertThat(list.get(3).reason()).contains("2 phút").contains("Bản tin").isSameAs(list.get(1).reason());
        assertThat(list).isEqualTo(new ArrayList<>(list));
        assertThatThrownBy(() -> list.get(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.add(list.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("no endpoints, or none with conflicts, is an empty list")
    void empty() {
        assertThat(new ConflictList(new long[0], List.of())).isEmpty();
        assertThat(new ConflictList(new long[] {1, 2}, List.of(List.of(), List.of()))).isEmpty();
    }
}
