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

/** The player on real mpv (null outputs): starts measured from mpv, whole items, queued next items, media waits. */
@Timeout(60)
class PlayerMpvTest {

    /**
     * How late a start or an end may be here. These tests check that the player aims at the right
     * instant and never starts early; on a loaded two-core machine mpv can be a few hundred ms behind,
     * so the accuracy itself (p50/p99 over 100+ starts) is measured by ops/bench/agent, not here.
     */
    static final long LATE_MS = 300;
    /** Late bound for tests whose point is which item plays, not how punctually. */
    static final long LOADED_MACHINE_LATE_MS = 1_500;

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
    void aToneStartsOnTimeAndIsPlayedOnlyWhenHeardToItsEnd() throws Exception {
        PlayerRig.Tone tone = rig.tone(2, 440);
        rig.cache(tone);
        long start = rig.clock.now() + 1_500;
        rig.timeline(PlayerRig.once("tone", start, tone, "NORMAL"));
        rig.start();

        Map<String, Object> r = rig.awaitRecords(1, 10_000).get(0);
        assertThat(r).containsEntry("outcome", "PLAYED").containsEntry("entryId", "tone").containsEntry("reason", null);
        assertThat(num(r, "actualStart") - start).as("start from mpv's position reports").isBetween(-20L, LATE_MS);
        // mpv's end of file comes once the output drained (gapless audio off): the whole 2 s were heard
        assertThat(num(r, "actualEnd") - num(r, "actualStart")).isBetween(1_950L, 2_000L + LATE_MS);
    }

    @Test
    void theNextItemIsQueuedWhileTheFirstPlaysAndStartsOnTime() throws Exception {
        PlayerRig.Tone first = rig.tone(1.5, 440);
        PlayerRig.Tone second = rig.tone(1, 660);
        rig.cache(first);
        rig.cache(second);
        long start = rig.clock.now() + 1_500;
        rig.timeline(PlayerRig.once("first", start, first, "NORMAL"),
                PlayerRig.once("second", start + 1_500, second, "NORMAL"));
        rig.start();

        List<Map<String, Object>> r = rig.awaitRecords(2, 10_000);
        assertThat(r).as(r.toString()).extracting(m -> m.get("outcome")).containsExactly("PLAYED", "PLAYED");
        assertThat(num(r.get(1), "actualStart") - (start + 1_500)).isBetween(-20L, LATE_MS);
    }

    /**
     * mpv's end of file comes a little after the first item's slot, so the first record ends inside the second's
     * time. The second, not queued (its media came only then), is still played: the first record's end must not
     * hide it as time already worked through. (Under load the same happened to a queued second dropped as late.)
     */
    @Test
    void aOnceItemStartingWhileTheOneBeforeStillEndsIsPlayedAfterIt() throws Exception {
        PlayerRig.Tone first = rig.tone(1.5, 440);
        PlayerRig.Tone second = rig.tone(1, 660);
        rig.cache(first);
        long start = rig.clock.now() + 1_500;
        rig.timeline(PlayerRig.once("first", start, first, "NORMAL"),
                PlayerRig.once("second", start + 1_500, second, "NORMAL"));
        rig.start();
        Map<String, Object> firstRecord = rig.awaitRecords(1, 10_000).get(0);
        assertThat(num(firstRecord, "actualEnd")).as("ended inside the second's time").isGreaterThan(start + 1_500);
        rig.cache(second);

        List<Map<String, Object>> r = rig.awaitRecords(2, 10_000);
        assertThat(r).as(r.toString()).extracting(m -> m.get("entryId")).containsExactly("first", "second");
        assertThat(r.get(1)).containsEntry("outcome", "PLAYED");
        assertThat(num(r.get(1), "actualStart")).as("after the first").isGreaterThanOrEqualTo(num(firstRecord, "actualEnd"));
    }

    @Test
    void mediaArrivingAfterItsTimeStartsLateAndThatIsRecorded() throws Exception {
        PlayerRig.Tone tone = rig.tone(1, 440);
        long start = rig.clock.now() + 500;
        rig.timeline(PlayerRig.once("late", start, tone, "NORMAL"));
        rig.start();
        Thread.sleep(2_000);
        assertThat(rig.spool.count()).as("nothing recorded while the media may still come").isZero();
        assertThat(rig.faults.isActive("media_missing")).isTrue();
        rig.cache(tone);

        Map<String, Object> r = rig.awaitRecords(1, 10_000).get(0);
        assertThat(r).containsEntry("outcome", "PLAYED");
        // not before the media came (1.5 s late); the upper bound only says it was not left waiting for another
        // slot: how soon after arrival it starts is the agent bench's business, and swings with the machine's load
        assertThat(num(r, "actualStart") - start).isBetween(1_400L, 4_500L);
        assertThat(rig.faults.isActive("media_missing")).isFalse();
    }

    /**
     * When the FAILED record is written is read from the agent's own clock on the player thread as the record is
     * spooled, not from how long the test slept: on a loaded machine mpv's start alone can outlast the grace.
     */
    @Test
    void mediaThatNeverArrivesIsFailedOnlyOnceTheGraceIsOver() throws Exception {
        PlayerRig.Tone tone = rig.tone(1, 440);
        long start = rig.clock.now() + 300;
        rig.timeline(PlayerRig.once("never", start, tone, "NORMAL"));
        List<Long> spooledAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger recorderLog = java.util.logging.Logger.getLogger(Recorder.class.getName());
        java.util.logging.Handler atRecord = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getMessage() != null && r.getMessage().startsWith("record ")) {
                    spooledAt.add(rig.clock.now());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        recorderLog.addHandler(atRecord);
        try {
            rig.start(Duration.ofMillis(1_500), Duration.ofSeconds(3));

            Map<String, Object> r = rig.awaitRecords(1, 30_000).get(0);
            assertThat(r).containsEntry("outcome", "FAILED").containsEntry("actualStart", null);
            assertThat((String) r.get("reason")).contains("media not in the cache");
            // the Recorder logs just after the spool write the test saw: wait for that line, not the spool
            long logDeadline = System.currentTimeMillis() + 5_000;
            while (spooledAt.isEmpty() && System.currentTimeMillis() < logDeadline) {
                Thread.sleep(10);
            }
            assertThat(spooledAt).as("agent time the record was spooled").hasSize(1);
            assertThat(spooledAt.get(0)).as("not before the grace was over").isGreaterThan(start + 1_500);
            Thread.sleep(500);
            assertThat(rig.spool.count()).as("one outcome").isEqualTo(1);
        } finally {
            recorderLog.removeHandler(atRecord);
        }
    }

    /** mpv takes longer to start than the grace (a loaded machine): the entry it delayed is still given its outcome. */
    @Test
    void anEntryWhoseGraceEndsWhileMpvStartsIsStillFailed() throws Exception {
        java.nio.file.Path slowMpv = state.resolve("slow-mpv");
        java.nio.file.Files.writeString(slowMpv, "#!/bin/sh\nsleep 3\nexec mpv \"$@\"\n");
        slowMpv.toFile().setExecutable(true);
        rig.close();
        java.nio.file.Path slowState = java.nio.file.Files.createDirectories(state.resolve("slow"));
        rig = new PlayerRig(slowState, slowMpv.toString());
        PlayerRig.Tone tone = rig.tone(1, 440);
        long start = rig.clock.now() + 300;
        rig.timeline(PlayerRig.once("never", start, tone, "NORMAL"));
        rig.start(Duration.ofMillis(1_500), Duration.ofSeconds(3));

        Map<String, Object> r = rig.awaitRecords(1, 30_000).get(0);
        assertThat(r).containsEntry("entryId", "never").containsEntry("outcome", "FAILED");
        assertThat((String) r.get("reason")).contains("media not in the cache");
    }

    @Test
    void aLoopItemWithTooLittleLeftIsSkippedAndTheNextStartsOnItsTime() throws Exception {
        PlayerRig.Tone a = rig.tone(2, 440);
        PlayerRig.Tone b = rig.tone(1.5, 660);
        rig.cache(a);
        rig.cache(b);
        long anchor = rig.clock.now() - 1_000;   // a has 1 s left now: less than the 1.5 s minimum
        rig.timeline(PlayerRig.loop("loop", anchor, anchor + 3_500, anchor, List.of(a, b)));
        rig.start(Duration.ofSeconds(30), Duration.ofMillis(1_500));

        Map<String, Object> r = rig.awaitRecords(1, 10_000).get(0);
        assertThat(r).containsEntry("sha256", b.sha()).containsEntry("outcome", "PLAYED");
        assertThat(num(r, "scheduledStart")).isEqualTo(anchor + 2_000);
        // b, not a: the skip is the point here. How close b starts to its time is the agent bench's figure
        // (start offset); on a machine loaded 10x its cores mpv's open alone can take more than LATE_MS.
        assertThat(num(r, "actualStart") - (anchor + 2_000)).isBetween(-20L, LOADED_MACHINE_LATE_MS);
        Thread.sleep(500);
        assertThat(rig.spool.count()).isEqualTo(1);
    }
}
