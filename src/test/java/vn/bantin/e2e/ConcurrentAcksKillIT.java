package vn.bantin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.ControllerProcess;
import vn.bantin.support.Enrollment;
import vn.bantin.support.PlayChain;
import vn.bantin.support.PlaySeqs;
import vn.bantin.support.SignedAgent;

/**
 * The power cut while many agents upload at once, so that their batches share commits (ingest's group commit):
 * the built controller in its own JVM is killed with SIGKILL while the agents are still posting, within
 * milliseconds of the last acknowledgement, and started again on the same data dir. Every record any
 * acknowledgement listed must be there.
 */
@DisplayName("Controller killed with SIGKILL while agents upload at once: every acknowledged record survives")
class ConcurrentAcksKillIT {

    private static final int AGENTS = 6;
    private static final int MAX_BATCHES = 8;
    private static final int BATCH = 20;
    /** Acknowledged batches (of all agents) after which the controller is killed, with more still in flight. */
    private static final int KILL_AFTER = 18;

    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsSurviveSigkillUnderConcurrentUploads() throws Exception {
        ControllerProcess controller = ControllerProcess.configure(dir, "kill-test-" + UUID.randomUUID());
        ExecutorService uploads = Executors.newFixedThreadPool(AGENTS);
        try {
            controller.start();
            long areaId = Enrollment.commune(controller.api());
            Map<Long, SignedAgent> agents = new ConcurrentHashMap<>();
            for (int i = 0; i < AGENTS; i++) {
                SignedAgent agent = new SignedAgent(controller.baseUrl());
                agents.put(Enrollment.speaker(controller.api(), areaId, "Cụm loa thôn " + i, agent), agent);
            }
            Map<Long, Set<Long>> acknowledged = new ConcurrentHashMap<>();
            AtomicInteger ackedBatches = new AtomicInteger();
            AtomicLong lastAckAt = new AtomicLong();
            CountDownLatch enough = new CountDownLatch(1);
            for (Map.Entry<Long, SignedAgent> a : agents.entrySet()) {
                Set<Long> seqs = acknowledged.computeIfAbsent(a.getKey(), k -> ConcurrentHashMap.newKeySet());
                uploads.submit(() -> upload(a.getValue(), seqs, ackedBatches, lastAckAt, enough));
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("%d batches acknowledged", KILL_AFTER).isTrue();
            long killedAt = controller.kill();
            long sinceLastAckMs = (killedAt - lastAckAt.get()) / 1_000_000;
            uploads.shutdown();
            assertThat(uploads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            controller.start();

            long total = 0;
            for (Map.Entry<Long, Set<Long>> a : acknowledged.entrySet()) {
                TreeSet<Long> acked = new TreeSet<>(a.getValue());
                total += acked.size();
                assertThat(PlaySeqs.stored(controller.api(), a.getKey())).as("endpoint %d after the restart", a.getKey())
                        .containsAll(acked);
            }
            assertThat(total).as("records acknowledged before the kill").isGreaterThanOrEqualTo((long) KILL_AFTER * BATCH);
            assertThat(sinceLastAckMs).as("ms from the last acknowledgement to SIGKILL").isLessThan(100);
        } finally {
            uploads.shutdownNow();
            controller.close();
        }
    }

    /** Posts batches until MAX_BATCHES or the controller is gone; every acknowledged seq is noted. */
    private static void upload(SignedAgent agent, Set<Long> acknowledged, AtomicInteger ackedBatches,
                               AtomicLong lastAckAt, CountDownLatch enough) {
        PlayChain chain = new PlayChain(agent);
        for (int b = 0; b < MAX_BATCHES; b++) {
            SignedAgent.Reply reply;
            try {
                reply = agent.postPlays(chain.nextSigned(BATCH));
            } catch (RuntimeException e) {
                return; // the controller was killed under this request: nothing was acknowledged
            }
            if (reply.status() != 200) {
                return;
            }
            lastAckAt.set(System.nanoTime());
            acknowledged.addAll(PlaySeqs.held(reply.json()));
            if (ackedBatches.incrementAndGet() >= KILL_AFTER) {
                enough.countDown();
            }
        }
    }
}
