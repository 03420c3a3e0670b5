package vn.bantin.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bantin.agent.spool.PlayRecord.Outcome;
import vn.bantin.agent.sync.Timeline;

class EndingTest {

    private static final Timeline.Item ITEM = new Timeline.Item("a".repeat(64), 1, 3_056, "AUDIO", "/m");
    private static final Timeline.Entry ONCE = new Timeline.Entry("e", 10_000, 13_056, "ONCE", "NORMAL", 1L, "c", 80,
            10_000, List.of(ITEM));
    private static final Segment SEG = new Segment(ONCE, ITEM, 10_000, 10_000, 13_056);

    @Test
    void playedMeansTheWholeItemWasHeard() {
        assertThat(Ending.fromMpv(SEG, "eof", null, 10_003, 13_090).outcome()).isEqualTo(Outcome.PLAYED);
        // what the old player recorded PLAYED: an end of file 0.4 s before the sound had left the output
        Ending early = Ending.fromMpv(SEG, "eof", null, 10_000, 12_665);
        assertThat(early.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(early.reason()).isEqualTo("ended after 2665 of 3056 ms");
    }

    @Test
    void joiningMidItemOrMpvTroubleIsNeverPlayed() {
        Segment joined = SEG.from(11_000);
        Ending j = Ending.fromMpv(joined, "eof", null, 11_000, 13_060);
        assertThat(j.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(j.reason()).startsWith("joined 1.0 s into the item");
        assertThat(Ending.fromMpv(SEG, "error", "unrecognized file format", 10_000, 10_010))
                .isEqualTo(new Ending(Outcome.FAILED, "mpv could not play the file: unrecognized file format", true));
        assertThat(Ending.fromMpv(SEG, "quit", null, 10_000, 11_000).outcome()).isEqualTo(Outcome.INTERRUPTED);
    }

    @Test
    void aCutAtTheItemsTimeAfterHearingItAllIsPlayed() {
        assertThat(Ending.cut(SEG, 10_001, 13_056, "cut when the next item was due").outcome()).isEqualTo(Outcome.PLAYED);
        Ending windowEnd = Ending.cut(SEG, 10_000, 11_500, "loop window ended");
        assertThat(windowEnd.reason()).isEqualTo("loop window ended after 1500 of 3056 ms");
        assertThat(windowEnd.over()).isTrue();
        assertThat(Ending.interrupted("preempted by emergency alert").over()).isFalse();
    }
}
