package vn.bantin.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bantin.agent.sync.Timeline;

class ScheduleTest {

    private static Timeline.Item item(char c, long ms) {
        return new Timeline.Item(String.valueOf(c).repeat(64), 1, ms, "VIDEO", "/m");
    }

    // items of 10 s, 20 s, 5 s: cycle 35 s, anchored at 1000 and the window starting later, at 50_000
    private static final Timeline.Entry LOOP = new Timeline.Entry("loop", 50_000, 200_000, "LOOP", "NORMAL", 1L,
            "c", 70, 1_000, List.of(item('a', 10_000), item('b', 20_000), item('c', 5_000)));
    private static final Timeline.Entry ONCE = new Timeline.Entry("once", 300_000, 310_000, "ONCE", "PRIORITY", 2L,
            "c", 90, 300_000, List.of(item('d', 10_000)));
    private static final Timeline TIMELINE = new Timeline("dev", "v", 1, 0, 400_000, List.of(LOOP, ONCE));

    @Test
    void loopJoinComputesItemAndOffsetFromAnchorAcrossCycles() {
        Segment s = Schedule.at(TIMELINE, 50_000);
        // 49_000 ms after the anchor: cycle 1 began at 36_000; item b runs 46_000..66_000
        assertThat(s.item().sha256()).startsWith("b");
        assertThat(s.itemStart()).isEqualTo(46_000);
        assertThat(s.offsetMs()).isEqualTo(4_000);
        assertThat(s.endAt()).isEqualTo(66_000);

        Segment later = Schedule.at(TIMELINE, 1_000 + 3 * 35_000 + 31_000);
        assertThat(later.item().sha256()).startsWith("c");
        assertThat(later.itemStart()).isEqualTo(1_000 + 3 * 35_000 + 30_000);
        assertThat(later.offsetMs()).isEqualTo(1_000);
    }

    @Test
    void loopItemIsCutAtTheWindowEnd() {
        // cycle 5 begins at 176_000: a 176..186, b 186..206 but the window ends at 200_000
        Segment s = Schedule.at(TIMELINE, 190_000);
        assertThat(s.item().sha256()).startsWith("b");
        assertThat(s.endAt()).isEqualTo(200_000);
    }

    @Test
    void itemStartsExactlyOnItsBoundary() {
        Segment s = Schedule.at(TIMELINE, 1_000 + 2 * 35_000 + 10_000);
        assertThat(s.item().sha256()).startsWith("b");
        assertThat(s.offsetMs()).isZero();
    }

    @Test
    void onceEntryAndGapsAndNext() {
        assertThat(Schedule.at(TIMELINE, 250_000)).isNull();
        Segment next = Schedule.next(TIMELINE, 250_000);
        assertThat(next.entry().id()).isEqualTo("once");
        assertThat(next.startAt()).isEqualTo(300_000);
        assertThat(Schedule.at(TIMELINE, 305_000).offsetMs()).isZero();
        assertThat(Schedule.next(TIMELINE, 10_000).startAt()).isEqualTo(50_000);
        assertThat(Schedule.next(TIMELINE, 10_000).offsetMs()).isEqualTo(4_000);
        assertThat(Schedule.next(TIMELINE, 305_000)).isNull();
    }

    @Test
    void anEmergencyEntryStartingBeforeThePlayingItemEndsCutsIt() {
        Segment playing = Schedule.at(TIMELINE, 50_000);
        // the new timeline: the loop cut at 60_000 by an alert, resuming after it
        Timeline.Entry cut = new Timeline.Entry("loop", 50_000, 60_000, "LOOP", "NORMAL", 1L, "c", 70, 1_000,
                LOOP.items());
        Timeline.Entry alert = new Timeline.Entry("alert", 60_000, 64_000, "ONCE", "EMERGENCY", 0L, "bão", 100,
                60_000, List.of(item('e', 4_000)));
        Timeline.Entry resumed = new Timeline.Entry("loop2", 64_000, 200_000, "LOOP", "NORMAL", 1L, "c", 70, 1_000,
                LOOP.items());
        Timeline fresh = new Timeline("dev", "v2", 2, 0, 400_000, List.of(cut, alert, resumed, ONCE));

        assertThat(Schedule.emergencyCutting(fresh, playing, 55_000)).isEqualTo(alert);
        assertThat(Schedule.emergencyCutting(TIMELINE, playing, 55_000)).isNull();
        // an alert after the playing item's end (66_000) waits its turn
        Timeline later = new Timeline("dev", "v3", 3, 0, 400_000, List.of(new Timeline.Entry("alert", 70_000, 74_000,
                "ONCE", "EMERGENCY", 0L, "bão", 100, 70_000, List.of(item('e', 4_000)))));
        assertThat(Schedule.emergencyCutting(later, playing, 55_000)).isNull();
    }

    @Test
    void anAlertCutsARelayWindowOnlyIfItStartsBeforeTheWindowsPlannedEnd() {
        Timeline.Entry relay = new Timeline.Entry("relay", 50_000, 200_000, "STREAM", "NORMAL", 1L, "Đài tỉnh", 70,
                50_000, List.of());
        long plannedEnd = relay.end();
        // an alert right at the window's natural end: the window ended as planned
        Timeline.Entry atTheEnd = new Timeline.Entry("alert", 200_000, 204_000, "ONCE", "EMERGENCY", 0L, "bão", 100,
                200_000, List.of(item('e', 4_000)));
        Timeline following = new Timeline("dev", "v2", 2, 0, 400_000, List.of(relay, atTheEnd));
        assertThat(Schedule.alertCuttingWindow(following, "relay", plannedEnd, 199_850)).isNull();
        assertThat(Schedule.alertCuttingWindow(following, "relay", plannedEnd, 200_000)).isNull();
        // the same alert a millisecond earlier: a new timeline ends the window where it starts, and it cuts it
        Timeline.Entry shortened = new Timeline.Entry("relay", 50_000, 199_999, "STREAM", "NORMAL", 1L, "Đài tỉnh",
                70, 50_000, List.of());
        Timeline.Entry justBefore = new Timeline.Entry("alert", 199_999, 204_000, "ONCE", "EMERGENCY", 0L, "bão", 100,
                199_999, List.of(item('e', 4_001)));
        Timeline cut = new Timeline("dev", "v3", 3, 0, 400_000, List.of(shortened, justBefore));
        assertThat(Schedule.alertCuttingWindow(cut, "relay", plannedEnd, 199_850)).isEqualTo(justBefore);
        assertThat(Schedule.alertCuttingWindow(cut, "relay", plannedEnd, 199_999)).as("at the shortened end")
                .isEqualTo(justBefore);
    }
}
