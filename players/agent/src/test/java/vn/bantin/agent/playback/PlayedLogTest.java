package vn.bantin.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.sync.Timeline;

class PlayedLogTest {

    @TempDir
    Path state;

    private static final Timeline.Item ITEM = new Timeline.Item("a".repeat(64), 1, 1_000, "AUDIO", "/m");
    private static final Timeline.Entry LOOP = new Timeline.Entry("loop", 0, 100_000, "LOOP", "NORMAL", 1L, "c", 80, 0,
            List.of(ITEM));

    private static Segment at(long t) {
        return Schedule.loopSegment(LOOP, t);
    }

    @Test
    void whatIsOverStaysOverAcrossARestartFromTheFileAndFromTheSpool() throws Exception {
        PlayedLog log = PlayedLog.load(state, List.of());
        log.markDone(at(5_000));
        log.workedUntil(6_000);
        log.persist();

        PlayedLog restarted = PlayedLog.load(state, PlayedLog.fromPayloads(List.of(
                "{\"entryId\":\"loop\",\"scheduledStart\":9000,\"actualEnd\":10000}", "not json")));
        assertThat(restarted.isDone(at(4_000))).isTrue();
        assertThat(restarted.isDone(at(9_500))).isTrue();
        assertThat(restarted.isDone(at(10_000))).isFalse();
        assertThat(restarted.workedUntil()).isEqualTo(10_000);
    }

    @Test
    void anItemThatStartedLateWorksThroughOnlyItsOwnSlotAfterARestart() {
        // due at 9,000, started 40 ms late, ended at 10,040: the next entry, due at 10,000, is not passed over
        PlayedLog restarted = PlayedLog.load(state, PlayedLog.fromPayloads(List.of(
                "{\"entryId\":\"loop\",\"scheduledStart\":9000,\"actualStart\":9040,\"actualEnd\":10040}")));
        assertThat(restarted.workedUntil()).isEqualTo(10_000);
    }

    @Test
    void aRecordOfNothingPlayedWorksThroughItsDueTime() {
        PlayedLog restarted = PlayedLog.load(state, PlayedLog.fromPayloads(List.of(
                "{\"entryId\":\"loop\",\"scheduledStart\":9000,\"actualStart\":null,\"actualEnd\":null}")));
        assertThat(restarted.workedUntil()).isEqualTo(9_000);
    }

    @Test
    void entriesLongOverAreForgotten() throws Exception {
        PlayedLog log = PlayedLog.load(state, List.of());
        log.markDone(at(5_000));
        log.workedUntil(3L * 24 * 3600 * 1000);
        log.persist();
        assertThat(PlayedLog.load(state, List.of()).isDone(at(5_000))).isFalse();
    }
}
