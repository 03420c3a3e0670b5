package vn.bantin.agent.relay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bantin.agent.spool.PlayRecord;

class GapLogTest {

    private static final String FILLER = "ab".repeat(32);

    @Test
    void onAirIsTheSpanLessTheGapsClippedToIt() {
        GapLog log = new GapLog(FILLER);
        log.up(1_000);
        log.down(5_000, "stream ended (eof)");
        log.fallbackHeard();
        log.down(5_500, "a later reason is not kept");
        log.up(8_000);
        log.down(9_500, "stream stalled: no audio for 2600 ms");

        PlayRecord.Relay r = log.figures(1_000, 10_000);

        assertThat(r.gaps()).containsExactly(new PlayRecord.Gap(5_000, 8_000, "stream ended (eof)", FILLER),
                new PlayRecord.Gap(9_500, 10_000, "stream stalled: no audio for 2600 ms", null));
        assertThat(r.onAirMs()).isEqualTo(9_000 - 3_000 - 500);
    }

    @Test
    void pastTwentyGapsTheRestMergeIntoTheLastWithTheirCount() {
        GapLog log = new GapLog(null);
        for (int i = 0; i < 25; i++) {
            log.down(i * 100L, "outage " + i);
            log.up(i * 100L + 50);
        }
        PlayRecord.Relay r = log.figures(0, 10_000);

        assertThat(r.gaps()).hasSize(GapLog.MAX_GAPS);
        PlayRecord.Gap last = r.gaps().get(GapLog.MAX_GAPS - 1);
        assertThat(last.from()).isEqualTo(1_900);
        assertThat(last.to()).isEqualTo(2_450);
        assertThat(last.reason()).isEqualTo("6 outages merged here, the first: outage 19");
        assertThat(r.onAirMs()).isEqualTo(10_000 - 19 * 50 - 550);
    }
}
