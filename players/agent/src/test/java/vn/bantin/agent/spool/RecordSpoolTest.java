package vn.bantin.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;

class RecordSpoolTest {

    @TempDir
    Path state;

    private static PlayRecord played(String entryId) {
        return new PlayRecord(entryId, 3L, "NORMAL", "ONCE", "ab".repeat(32), 1000L, 1010L, 61010L,
                PlayRecord.Outcome.PLAYED, null, -12L, "v1");
    }

    @Test
    void recordsSurviveReopenAndTheChainContinuesAndVerifies() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        spool.append(played("e1"));
        spool.append(played("e2"));

        RecordSpool reopened = RecordSpool.open(state.resolve("spool"), keys);
        reopened.append(played("e3"));

        List<SpooledRecord> records = reopened.oldest(10);
        assertThat(records).extracting(SpooledRecord::seq).containsExactly(1L, 2L, 3L);
        assertChain(keys, records, RecordSpool.GENESIS_HASH);
        Map<String, Object> first = JSON.std.mapFrom(records.get(0).payload());
        assertThat(first).containsEntry("deviceId", keys.deviceId()).containsEntry("outcome", "PLAYED")
                .containsEntry("class", "NORMAL").containsEntry("clockOffsetMs", -12)
                .containsKey("reason").containsEntry("reason", null);
    }

    @Test
    void acknowledgedRecordsAreDeletedAndOnlyThoseAndSeqContinuesAfterReopen() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        for (int i = 1; i <= 4; i++) {
            spool.append(played("e" + i));
        }
        String hashOf4 = chainHash(spool.oldest(4).get(3));

        assertThat(spool.acknowledge(java.util.List.of(1L, 3L))).isEqualTo(2);
        assertThat(spool.acknowledge(java.util.List.of(1L, 3L))).isZero();
        assertThat(spool.oldest(10)).extracting(SpooledRecord::seq).containsExactly(2L, 4L);

        spool.acknowledge(java.util.List.of(2L, 4L));
        RecordSpool reopened = RecordSpool.open(state.resolve("spool"), keys);
        assertThat(reopened.count()).isZero();
        SpooledRecord fifth = reopened.append(played("e5"));
        assertThat(fifth.seq()).isEqualTo(5);
        assertThat(JSON.std.mapFrom(fifth.payload()).get("prevHash")).isEqualTo(hashOf4);
    }

    @Test
    void aRefusedRecordIsMovedAsideWithItsRefusalAndNeverUploadedAgain() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        for (int i = 1; i <= 3; i++) {
            spool.append(played("e" + i));
        }
        String second = spool.oldest(3).get(1).payload();

        spool.setAside(2, "bad_signature: record 1 (seq 2): the signature does not verify");

        assertThat(spool.oldest(10)).extracting(SpooledRecord::seq).containsExactly(1L, 3L);
        assertThat(spool.refusedSeqs()).containsExactly(2L);
        Path aside = state.resolve("spool").resolve("refused");
        assertThat(JSON.std.mapFrom(Files.readAllBytes(aside.resolve("2.json"))).get("payload")).isEqualTo(second);
        assertThat(Files.readString(aside.resolve("2.refusal"))).contains("bad_signature");
        RecordSpool reopened = RecordSpool.open(state.resolve("spool"), keys);
        assertThat(reopened.oldest(10)).extracting(SpooledRecord::seq).containsExactly(1L, 3L);
        assertThat(reopened.append(played("e4")).seq()).isEqualTo(4);
    }

    @Test
    void recordWrittenButLastNotUpdatedIsRecoveredAsTheChainHead() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        Path dir = state.resolve("spool");
        RecordSpool spool = RecordSpool.open(dir, keys);
        spool.append(played("e1"));
        String lastAfterOne = Files.readString(dir.resolve("last"));
        spool.append(played("e2"));
        Files.writeString(dir.resolve("last"), lastAfterOne);

        RecordSpool reopened = RecordSpool.open(dir, keys);

        assertThat(reopened.lastSeq()).isEqualTo(2);
        reopened.append(played("e3"));
        assertChain(keys, reopened.oldest(10), RecordSpool.GENESIS_HASH);
    }

    @Test
    void aRecordLeftByTheAgentBeforeTheUpgradeIsChainedByItsPayloadHash() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        Path dir = state.resolve("spool");
        RecordSpool.open(dir, keys);
        // what an agent before chain rule 2 wrote for seq 1, then the power went before it updated "last"
        String payload = "{\"deviceId\":\"" + keys.deviceId() + "\",\"seq\":1,\"prevHash\":\"" + RecordSpool.GENESIS_HASH
                + "\",\"entryId\":\"e1\",\"campaignId\":3,\"class\":\"NORMAL\",\"mode\":\"ONCE\",\"sha256\":\""
                + "ab".repeat(32) + "\",\"scheduledStart\":1000,\"actualStart\":1010,\"actualEnd\":61010,"
                + "\"outcome\":\"PLAYED\",\"reason\":null,\"clockOffsetMs\":-12,\"timelineVersion\":\"v1\"}";
        Files.write(dir.resolve("1.json"), JSON.std.asBytes(Map.of("payload", payload,
                "sig", keys.signBase64(payload.getBytes(StandardCharsets.UTF_8)))));

        SpooledRecord next = RecordSpool.open(dir, keys).append(played("e2"));

        assertThat(next.seq()).isEqualTo(2);
        assertThat(JSON.std.mapFrom(next.payload())).containsEntry("chain", 2)
                .containsEntry("prevHash", Hashes.sha256Hex(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRecordTheDiskRefusesIsKeptInMemoryUploadableAndWrittenWhenTheDiskTakesItAgain() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        Path dir = state.resolve("spool");
        RecordSpool spool = RecordSpool.open(dir, keys);
        List<String> health = new java.util.ArrayList<>();
        spool.reportWritesTo(new RecordSpool.WriteHealth() {
            @Override
            public void failing(int recordsInMemory, java.io.IOException cause) {
                health.add("failing " + recordsInMemory);
            }

            @Override
            public void recovered() {
                health.add("recovered");
            }
        });
        spool.append(played("e1"));
        String hashOf1 = chainHash(spool.oldest(1).get(0));
        spool.acknowledge(List.of(1L));
        Path moved = state.resolve("spool-away");
        Files.move(dir, moved);
        Files.writeString(dir, "not a directory: every write into the spool fails");

        spool.append(played("e2"));
        spool.append(played("e3"));
        assertThat(spool.inMemory()).isEqualTo(2);
        assertThat(health).containsExactly("failing 1", "failing 2");
        assertThat(spool.oldest(10)).extracting(SpooledRecord::seq).containsExactly(2L, 3L);
        assertChain(keys, spool.oldest(10), hashOf1);
        spool.acknowledge(List.of(2L));

        Files.delete(dir);
        Files.move(moved, dir);
        spool.retryWrites();
        assertThat(spool.inMemory()).isZero();
        assertThat(health).endsWith("recovered");
        RecordSpool reopened = RecordSpool.open(dir, keys);
        assertThat(reopened.oldest(10)).extracting(SpooledRecord::seq).containsExactly(3L);
        assertThat(reopened.lastSeq()).as("the acknowledged in-memory record's seq is not reused").isEqualTo(3);
    }

    @Test
    void aTornLastRecordIsListedLeftOutOfTheQueueAndItsSeqIsNotReused() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        Path dir = state.resolve("spool");
        RecordSpool spool = RecordSpool.open(dir, keys);
        spool.append(played("e1"));
        String lastAfterOne = Files.readString(dir.resolve("last"));
        spool.append(played("e2"));
        byte[] whole = Files.readAllBytes(dir.resolve("2.json"));
        Files.write(dir.resolve("2.json"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(dir.resolve("last"), lastAfterOne);

        RecordSpool reopened = RecordSpool.open(dir, keys);

        assertThat(reopened.tornSeqs()).containsOnlyKeys(2L);
        assertThat(reopened.oldest(10)).extracting(SpooledRecord::seq).containsExactly(1L);
        assertThat(reopened.append(played("e3")).seq()).isEqualTo(3);
        reopened.setTornAside(2);
        assertThat(dir.resolve("torn").resolve("2.json")).hasBinaryContent(java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(RecordSpool.open(dir, keys).tornSeqs()).isEmpty();
        assertThat(RecordSpool.open(dir, keys).oldest(10)).extracting(SpooledRecord::seq).containsExactly(1L, 3L);
    }

    private static void assertChain(DeviceKeys keys, List<SpooledRecord> records, String startHash) throws Exception {
        String prev = startHash;
        long seq = records.get(0).seq();
        for (SpooledRecord r : records) {
            byte[] bytes = r.payload().getBytes(StandardCharsets.UTF_8);
            Map<String, Object> p = JSON.std.mapFrom(r.payload());
            assertThat(Ed25519.verify(keys.rawPublicKey(), bytes, r.sig())).isTrue();
            assertThat(((Number) p.get("seq")).longValue()).isEqualTo(seq++);
            assertThat(p.get("prevHash")).isEqualTo(prev);
            assertThat(p.get("chain")).isEqualTo(2);
            prev = chainHash(r);
        }
    }

    /** Chain rule 2 (contract): hex SHA-256 of the payload's hash, a newline, and the signature. */
    private static String chainHash(SpooledRecord r) {
        String payloadHash = Hashes.sha256Hex(r.payload().getBytes(StandardCharsets.UTF_8));
        return Hashes.sha256Hex((payloadHash + "\n" + r.sig()).getBytes(StandardCharsets.US_ASCII));
    }
}
