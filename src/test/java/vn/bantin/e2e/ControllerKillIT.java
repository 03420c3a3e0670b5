package vn.bantin.e2e;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.ControllerProcess;
import vn.bantin.support.Enrollment;
import vn.bantin.support.PlayChain;
import vn.bantin.support.PlaySeqs;
import vn.bantin.support.SignedAgent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The power cut on the controller's side: the built controller jar in its own JVM is killed with SIGKILL
 * right after it acknowledged batches of play records, then started again on the same data dir. Every
 * acknowledged record must be there, round after round. (Each restart waits out HSQLDB's lock-file
 * heartbeat, about 10 s, as a restart after a real power cut does: hence only a few rounds.)
 */
@DisplayName("Controller killed with SIGKILL right after acknowledging: every acknowledged record survives")
class ControllerKillIT {

    private static final int ROUNDS = 4;
    private static final int BATCHES_PER_ROUND = 3;
    private static final int BATCH = 50;

    @TempDir
    Path dir;

    @Test
    void acknowledgedRecordsSurviveSigkill() throws Exception {
        ControllerProcess controller = ControllerProcess.configure(dir, "kill-test-" + UUID.randomUUID());
        try {
            controller.start();
            SignedAgent agent = new SignedAgent(controller.baseUrl());
            long areaId = Enrollment.commune(controller.api());
            long endpointId = Enrollment.speaker(controller.api(), areaId, "Cụm loa thôn 1", agent);
            PlayChain chain = new PlayChain(agent);
            TreeSet<Long> acknowledged = new TreeSet<>();
            List<Long> killDelaysMs = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                agent = new SignedAgent(controller.baseUrl(), agent.key());
                long ackedAt = 0;
                for (int b = 0; b < BATCHES_PER_ROUND; b++) {
                    SignedAgent.Reply reply = agent.postPlays(chain.nextSigned(BATCH));
                    ackedAt = System.nanoTime();
                    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                    acknowledged.addAll(PlaySeqs.held(reply.json()));
                }
                killDelaysMs.add((controller.kill() - ackedAt) / 1_000_000);
                controller.start();

                assertThat(PlaySeqs.stored(controller.api(), endpointId))
                        .as("round %d: records stored after the restart", round)
                        .containsAll(acknowledged);
            }
            assertThat(acknowledged).containsExactlyElementsOf(
                    LongStream.rangeClosed(1, (long) ROUNDS * BATCHES_PER_ROUND * BATCH).boxed().toList());
            assertThat(killDelaysMs).as("ms from acknowledgement to SIGKILL").allMatch(ms -> ms < 100);
        } finally {
            controller.close();
        }
    }
}
