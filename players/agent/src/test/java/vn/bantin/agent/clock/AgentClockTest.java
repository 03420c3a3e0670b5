package vn.bantin.agent.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.status.Faults;

class AgentClockTest {

    @TempDir
    Path state;

    @Test
    void aJumpOfTheSystemClockIsTakenOutOfTheOffsetAndReported() {
        ShiftedTime time = ShiftedTime.by(0);
        AgentClock clock = new AgentClock(state, time, 1_000);
        Faults faults = new Faults(clock::now);
        clock.reportTo(faults);
        long before = clock.now();
        time.move(-7_200_000);
        long after = clock.now();

        assertThat(after - before).as("ms rounding of wall minus monotonic").isBetween(-2L, 50L);
        assertThat(clock.offsetMs()).isBetween(7_199_998L, 7_200_002L);
        assertThat(faults.snapshot()).extracting(Faults.Fault::code).containsExactly("clock_jump");
        assertThat(faults.snapshot().get(0).detail()).contains("moved by -7").contains(" ms;");
    }

    @Test
    void smallSignedCorrectionsApplyAtOnceBigOnesOnlyWhenASecondAnswerAgrees() {
        AgentClock clock = new AgentClock(state, ShiftedTime.by(0), 1_000);
        Faults faults = new Faults(clock::now);
        clock.reportTo(faults);
        List<Long> steps = new ArrayList<>();
        clock.onStep(steps::add);

        assertThat(clock.signedMeasurement(new AgentClock.Measurement(400, 3), "a")).isEqualTo(AgentClock.Verdict.APPLIED);
        assertThat(clock.offsetMs()).isEqualTo(400);
        assertThat(clock.signedMeasurement(new AgentClock.Measurement(90_000, 3), "b"))
                .isEqualTo(AgentClock.Verdict.AWAITING_CONFIRMATION);
        assertThat(clock.offsetMs()).isEqualTo(400);
        // a second answer that disagrees replaces the first, it does not confirm it
        assertThat(clock.signedMeasurement(new AgentClock.Measurement(-50_000, 3), "c"))
                .isEqualTo(AgentClock.Verdict.AWAITING_CONFIRMATION);
        assertThat(clock.signedMeasurement(new AgentClock.Measurement(-50_300, 3), "d"))
                .isEqualTo(AgentClock.Verdict.APPLIED);
        assertThat(clock.offsetMs()).isEqualTo(-50_300);
        assertThat(steps).containsExactly(-50_700L);
        assertThat(faults.isActive("clock_unconfirmed")).isFalse();
        assertThat(faults.snapshot()).extracting(Faults.Fault::code).contains("clock_corrected");
    }

    @Test
    void offsetSurvivesARestartAndAClockBehindTheLastSeenTimeIsReported() {
        ShiftedTime time = ShiftedTime.by(0);
        AgentClock clock = new AgentClock(state, time, 1_000);
        clock.signedMeasurement(new AgentClock.Measurement(300, 1), "a");
        clock.persist();

        AgentClock restarted = new AgentClock(state, ShiftedTime.by(-600_000), 1_000);
        Faults faults = new Faults(restarted::now);
        restarted.reportTo(faults);
        assertThat(restarted.offsetMs()).isEqualTo(300);
        assertThat(faults.isActive("clock_behind")).isTrue();
    }

    @Test
    void theMiddleOfTheRoundTripIsTakenOnTheMonotonicClock() throws Exception {
        ShiftedTime time = ShiftedTime.by(0);
        AgentClock clock = new AgentClock(state, time, 1_000);
        AgentClock.Probe probe = clock.probe();
        Thread.sleep(100);
        time.move(5_000); // a jump during the request does not bend the measurement
        long server = System.currentTimeMillis() - 50;
        AgentClock.Measurement m = probe.measure(server);
        assertThat(m.offsetMs()).isBetween(-30L, 30L);
        assertThat(m.uncertaintyMs()).isBetween(45L, 80L);
    }
}
