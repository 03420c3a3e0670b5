package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bantin.agent.playback.Schedule;
import vn.bantin.agent.playback.Segment;
import vn.bantin.agent.sync.Timeline;
import vn.bantin.agent.sync.TimelineVerifier;

/**
 * The LOOP entry of examples/timeline.json: where the agent's Schedule puts an instant against the contract
 * rule, computed here on its own: item i of cycle k starts at anchor + k*cycle + sum(durationMs before i).
 */
class LoopAnchorContractTest {

    /** Contract formula: {itemIndex, itemStart} at instant t. */
    private static long[] contract(long anchor, List<Long> durations, long t) {
        long cycle = durations.stream().mapToLong(Long::longValue).sum();
        long k = Math.floorDiv(t - anchor, cycle);
        long itemStart = anchor + k * cycle;
        for (int i = 0; i < durations.size(); i++) {
            if (t < itemStart + durations.get(i)) {
                return new long[] {i, itemStart};
            }
            itemStart += durations.get(i);
        }
        throw new AssertionError("unreachable");
    }

    @Test
    void itemAndOffsetAtSeveralInstantsFollowTheContractFormula() throws Exception {
        Timeline timeline = new TimelineVerifier(Contract.controllerPublicKey(), Contract.deviceId())
                .verify(Contract.bytes("timeline.json"), Contract.text("timeline.json.sig"));
        Timeline.Entry loop = timeline.entries().stream().filter(Timeline.Entry::isLoop).findFirst()
                .orElseThrow(() -> new AssertionError("examples/timeline.json has no LOOP entry"));
        List<Long> durations = loop.items().stream().map(Timeline.Item::durationMs).toList();
        long cycle = durations.stream().mapToLong(Long::longValue).sum();
        assertThat(durations).hasSizeGreaterThan(1);
        long a = loop.anchor();
        long d0 = durations.get(0);

        long[] instants = {
            loop.start(),                       // window start
            loop.start() + 1,
            a + d0 - 1,                         // last ms of item 0
            a + d0,                             // item 1 starts exactly on its boundary
            a + d0 + 12_345,                    // inside item 1
            a + cycle,                          // cycle 1 begins again with item 0
            a + 7 * cycle + d0 + 1_000,         // several cycles on
            a + 13 * cycle + 77_777 % cycle,
            loop.end() - 1,                     // last ms of the window
        };
        for (long t : instants) {
            assertThat(t).isBetween(loop.start(), loop.end() - 1);
            long[] expected = contract(a, durations, t);
            int index = (int) expected[0];
            long itemStart = expected[1];
            Segment s = Schedule.at(timeline, t);
            assertThat(s).as("segment at %d", t).isNotNull();
            assertThat(s.entry().id()).isEqualTo(loop.id());
            assertThat(s.item()).as("item at %d", t).isEqualTo(loop.items().get(index));
            assertThat(s.itemStart()).as("item start at %d", t).isEqualTo(itemStart);
            assertThat(s.offsetMs()).as("offset at %d", t).isEqualTo(t - itemStart);
            assertThat(s.endAt()).as("end at %d", t).isEqualTo(Math.min(itemStart + durations.get(index), loop.end()));
        }
        assertThat(Schedule.at(timeline, loop.end())).isNull();
    }
}
