package vn.bantin.agent.live;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Live playout alignment: every loudspeaker plays position p at epoch + p + the fixed delay")
class PlayoutAlignmentTest {

    private static final long EPOCH = 1_796_000_000_000L;
    private final PlayoutAlignment alignment = new PlayoutAlignment(() -> EPOCH + 10_000, 1500);

    @Test
    @DisplayName("early: hold exactly as long as it is early")
    void early() {
        PlayoutAlignment.Step step = alignment.decide(EPOCH, 9.2);
        assertThat(step.errorMs()).isEqualTo(-700);
        assertThat(step.holdMs()).isEqualTo(700);
        assertThat(step.speed()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("far too early: one hold is at most 1 s, so a relay never takes the hold for a stalled stream")
    void holdIsBounded() {
        PlayoutAlignment.Step step = alignment.decide(EPOCH, 10.5);
        assertThat(step.errorMs()).isEqualTo(-2000);
        assertThat(step.holdMs()).isEqualTo(1000);
    }

    @Test
    @DisplayName("late: speed up, more the later, at most 8 %; on time within 20 ms: normal speed")
    void lateAndOnTime() {
        assertThat(alignment.decide(EPOCH, 8.4).speed()).isCloseTo(1.05, within(1e-9));
        assertThat(alignment.decide(EPOCH, 8.4).holdMs()).isZero();
        assertThat(alignment.decide(EPOCH, 5.0).speed()).isCloseTo(1.08, within(1e-9));
        PlayoutAlignment.Step onTime = alignment.decide(EPOCH, 8.49);
        assertThat(onTime.errorMs()).isEqualTo(10);
        assertThat(onTime.speed()).isEqualTo(1.0);
        assertThat(onTime.holdMs()).isZero();
    }
}
