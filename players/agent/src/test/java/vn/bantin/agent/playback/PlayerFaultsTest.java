package vn.bantin.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.agent.playback.PlayerRig.num;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.status.Faults;

/** The player through faults, on real mpv: mpv killed or frozen, the system clock jumping, time corrected. */
@Timeout(60)
class PlayerFaultsTest {

    @TempDir
    java.nio.file.Path state;
    private PlayerRig rig;

    @BeforeEach
    void rig() throws Exception {
        rig = new PlayerRig(state);
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void mpvKilledWhilePlayingIsRecordedInterruptedAndIsBackForTheNextItem() throws Exception {
        PlayerRig.Tone tone = rig.tone(3, 440);
        PlayerRig.Tone next = rig.tone(1, 660);
        rig.cache(tone);
        rig.cache(next);
        long start = rig.clock.now() + 1_000;
        rig.timeline(PlayerRig.once("cut", start, tone, "NORMAL"), PlayerRig.once("after", start + 5_000, next, "NORMAL"));
        rig.start();
        waitUntilStarted("cut");
        long pid = rig.mpv.pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        Map<String, Object> cut = rig.awaitRecords(1, 5_000).get(0);
        assertThat(cut).containsEntry("outcome", "INTERRUPTED");
        assertThat((String) cut.get("reason")).contains("mpv exited").contains("restarted");
        Thread.sleep(1_000);
        assertThat(rig.mpv.isRunning()).as("restarted within a second of the crash").isTrue();
        assertThat(rig.mpv.pid()).isNotEqualTo(pid);
        Map<String, Object> after = rig.awaitRecords(2, 8_000).get(1);
        assertThat(after).containsEntry("entryId", "after").containsEntry("outcome", "PLAYED");
        assertThat(codes(rig.faults)).contains("mpv_restarted");
    }

    @Test
    void aFrozenMpvIsKilledWithinSecondsAndTheItemRecordedInterrupted() throws Exception {
        PlayerRig.Tone tone = rig.tone(8, 440);
        rig.cache(tone);
        long start = rig.clock.now() + 1_000;
        rig.timeline(PlayerRig.once("frozen", start, tone, "NORMAL"));
        rig.start();
        waitUntilStarted("frozen");
        long pid = rig.mpv.pid();
        long frozenAt = rig.clock.now();
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor()).isZero();

        Map<String, Object> r = rig.awaitRecords(1, 8_000).get(0);
        assertThat(r).containsEntry("outcome", "INTERRUPTED");
        assertThat((String) r.get("reason")).contains("stopped answering").contains("killed and restarted");
        assertThat(num(r, "actualEnd") - frozenAt).as("noticed within seconds").isLessThan(6_000L);
        Thread.sleep(1_000);
        assertThat(rig.mpv.isRunning()).isTrue();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void systemClockJumpsAreTakenOutOfTheOffsetSoNothingPlaysTwiceOrIsSkipped() throws Exception {
        PlayerRig.Tone tone = rig.tone(1, 440);
        rig.cache(tone);
        long t0 = rig.clock.now();
        rig.timeline(PlayerRig.once("a", t0 + 1_000, tone, "NORMAL"), PlayerRig.once("b", t0 + 4_000, tone, "NORMAL"),
                PlayerRig.once("c", t0 + 9_000, tone, "NORMAL"));
        rig.start();
        rig.awaitRecords(1, 5_000);
        rig.time.move(-60_000);     // someone sets the clock a minute back
        rig.awaitRecords(2, 5_000);
        rig.time.move(+3_600_000);  // and then an hour forward
        List<Map<String, Object>> r = rig.awaitRecords(3, 8_000);

        assertThat(r).extracting(m -> m.get("entryId")).containsExactly("a", "b", "c");
        assertThat(r).extracting(m -> m.get("outcome")).containsOnly("PLAYED");
        assertThat(num(r.get(1), "actualStart") - (t0 + 4_000)).isBetween(-20L, PlayerMpvTest.LATE_MS);
        assertThat(num(r.get(2), "actualStart") - (t0 + 9_000)).isBetween(-20L, PlayerMpvTest.LATE_MS);
        assertThat(num(r.get(2), "clockOffsetMs")).isBetween(-3_540_000L - 100, -3_540_000L + 100);
        assertThat(codes(rig.faults)).containsSubsequence("clock_jump", "clock_jump");
        Thread.sleep(1_500);
        assertThat(rig.spool.count()).isEqualTo(3);
    }

    @Test
    void aConfirmedCorrectionForwardRecordsWhatItSkippedAsMissedWithTheReason() throws Exception {
        PlayerRig.Tone tone = rig.tone(1, 440);
        rig.cache(tone);
        long t0 = rig.clock.now();
        rig.timeline(PlayerRig.once("skipped", t0 + 15_000, tone, "NORMAL"),
                PlayerRig.once("played", t0 + 135_000, tone, "NORMAL"));
        rig.start(Duration.ofSeconds(10), Duration.ofSeconds(3));
        // the correction must come after the player's first look at the timeline (mpv starts slowly on a
        // loaded machine): an agent that has just started leaves what was due before it alone
        long deadline = System.currentTimeMillis() + 20_000;
        while (rig.played.workedUntil() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rig.played.workedUntil()).as("the player looked at the timeline").isPositive();
        assertThat(rig.clock.now()).as("before the first entry's preload").isLessThan(t0 + 12_000);

        AgentClock.Measurement twoMinutesAhead = new AgentClock.Measurement(120_000, 5);
        assertThat(rig.clock.signedMeasurement(twoMinutesAhead, "test")).isEqualTo(AgentClock.Verdict.AWAITING_CONFIRMATION);
        assertThat(rig.faults.isActive("clock_unconfirmed")).isTrue();
        assertThat(rig.clock.signedMeasurement(new AgentClock.Measurement(120_100, 5), "test"))
                .isEqualTo(AgentClock.Verdict.APPLIED);

        List<Map<String, Object>> r = rig.awaitRecords(2, 30_000);
        assertThat(r.get(0)).containsEntry("entryId", "skipped").containsEntry("outcome", "MISSED");
        assertThat((String) r.get(0).get("reason")).contains("moved forward by");
        assertThat(r.get(1)).containsEntry("entryId", "played").containsEntry("outcome", "PLAYED");
        assertThat(codes(rig.faults)).contains("clock_corrected");
        assertThat(rig.faults.isActive("clock_unconfirmed")).isFalse();
    }

    private void waitUntilStarted(String entryId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!rig.started.contains(entryId) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(rig.started).contains(entryId);
        Thread.sleep(300);
    }

    private static List<String> codes(Faults faults) {
        return faults.snapshot().stream().map(Faults.Fault::code).toList();
    }
}
