package vn.bantin.evidence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("SeqRanges: the seqs a device's stored records cover, as ranges, and the gaps between them")
class SeqRangesTest {

    @Test
    @DisplayName("seqs merge into sorted disjoint ranges; adjacent and overlapping ranges join")
    void merge() {
        SeqRanges ranges = SeqRanges.empty().plus(List.of(5L, 1L, 2L, 3L, 9L, 7L)).plus(List.of(8L, 3L));

        assertThat(ranges).hasToString("[1-3, 5, 7-9]");
        assertThat(ranges.count()).isEqualTo(7);
        assertThat(ranges.last()).isEqualTo(9);
        assertThat(SeqRanges.of(List.of(new SeqRanges.Range(4, 6), new SeqRanges.Range(1, 3)))).hasToString("[1-6]");
    }

    @Test
    @DisplayName("contains and gaps, from seq 1 up to the highest held")
    void gapsAndContains() {
        SeqRanges ranges = SeqRanges.empty().plus(List.of(3L, 4L, 7L, 10L));

        assertThat(ranges.gaps()).containsExactly(new SeqRanges.Range(1, 2), new SeqRanges.Range(5, 6),
                new SeqRanges.Range(8, 9));
        assertThat(List.of(1L, 3L, 4L, 5L, 7L, 10L, 11L).stream().filter(ranges::contains)).containsExactly(3L, 4L, 7L, 10L);
        assertThat(SeqRanges.empty().gaps()).isEmpty();
        assertThat(SeqRanges.empty().contains(1)).isFalse();
    }
}
