package vn.bantin.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysDoubleToTheCapAndAreSpreadAtRandom() {
        Backoff b = new Backoff(1_000, 8_000);
        assertThat(b.next()).isBetween(500L, 1_000L);
        assertThat(b.next()).isBetween(1_000L, 2_000L);
        assertThat(b.next()).isBetween(2_000L, 4_000L);
        assertThat(b.next()).isBetween(4_000L, 8_000L);
        assertThat(b.next()).isBetween(4_000L, 8_000L);
        b.reset();
        assertThat(b.next()).isBetween(500L, 1_000L);

        Set<Long> firsts = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            firsts.add(new Backoff(60_000, 60_000).next());
        }
        assertThat(firsts).as("fifty agents do not retry in the same millisecond").hasSizeGreaterThan(40);
        assertThat(Backoff.jittered(100_000)).isBetween(90_000L, 110_000L);
    }
}
