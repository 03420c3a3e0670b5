package vn.bantin.e2e;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.ControllerProcess;
import vn.bantin.support.HttpApi;
import vn.bantin.support.PlayChain;
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
            long endpointId = enroll(controller.api(), agent);
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
                    acknowledged.addAll(acknowledgedSeqs(reply.json()));
                }
                killDelaysMs.add((controller.kill() - ackedAt) / 1_000_000);
                controller.start();

                assertThat(storedSeqs(controller.api(), endpointId))
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

    private static long enroll(HttpApi api, SignedAgent agent) {
        long areaId = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")
                .put("zone", "Asia/Ho_Chi_Minh")).json().getLong("id");
        long endpointId = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa thôn 1")
                .put("kind", "SPEAKER").put("areaId", areaId)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json().getString("code");
        SignedAgent.Reply enrolled = agent.enroll("SPEAKER", code);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(200);
        return endpointId;
    }

    /** The seqs an acknowledgement says the controller holds: its ranges [first, last]. */
    private static List<Long> acknowledgedSeqs(JsonObject ack) {
        List<Long> seqs = new ArrayList<>();
        ack.getJsonArray("held").forEach(r -> {
            io.vertx.core.json.JsonArray range = (io.vertx.core.json.JsonArray) r;
            LongStream.rangeClosed(range.getLong(0), range.getLong(1)).forEach(seqs::add);
        });
        return seqs;
    }

    private static List<Long> storedSeqs(HttpApi api, long endpointId) {
        return api.get("/api/v1/plays?limit=1000").array().stream().map(JsonObject.class::cast)
                .filter(p -> p.getLong("endpointId") == endpointId).map(p -> p.getLong("seq")).toList();
    }
}
