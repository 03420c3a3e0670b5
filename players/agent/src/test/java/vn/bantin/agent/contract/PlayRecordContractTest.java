package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.spool.PlayRecord;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.SpooledRecord;

/** plays-request.json and play-record-payload.json against the agent's verification, hashing and spool. */
class PlayRecordContractTest {

    @TempDir
    Path state;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> exampleRecords() {
        return (List<Map<String, Object>>) Contract.json("plays-request.json").get("records");
    }

    @Test
    void exampleRecordsVerifyAndChainWithTheAgentsCode() {
        List<Map<String, Object>> records = exampleRecords();
        assertThat(records).hasSizeGreaterThanOrEqualTo(2);
        String prevHash = RecordSpool.GENESIS_HASH;
        assertThat(prevHash).isEqualTo("0".repeat(64));
        for (int i = 0; i < records.size(); i++) {
            String payload = (String) records.get(i).get("payload");
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            assertThat(Ed25519.verify(Contract.devicePublicKey(), bytes, (String) records.get(i).get("sig")))
                    .as("signature of record %d", i + 1).isTrue();
            Map<String, Object> p = Contract.parse(bytes);
            assertThat(((Number) p.get("seq")).longValue()).isEqualTo(i + 1);
            assertThat(p.get("deviceId")).isEqualTo(Contract.deviceId());
            assertThat(p.get("prevHash")).as("prevHash of record %d", i + 1).isEqualTo(prevHash);
            prevHash = Hashes.sha256Hex(bytes);
        }
        // a signature is of the exact bytes: the same payload with a space added does not verify
        String first = (String) records.get(0).get("payload");
        assertThat(Ed25519.verify(Contract.devicePublicKey(), first.replace(",\"seq\"", ", \"seq\"")
                .getBytes(StandardCharsets.UTF_8), (String) records.get(0).get("sig"))).isFalse();
    }

    @Test
    void theAgentsSpoolWritesTheExampleRecordsByteForByte() throws Exception {
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), Contract.deviceKeys(state));
        for (Map<String, Object> example : exampleRecords()) {
            Map<String, Object> p = Contract.parse(((String) example.get("payload")).getBytes(StandardCharsets.UTF_8));
            SpooledRecord written = spool.append(new PlayRecord((String) p.get("entryId"),
                    ((Number) p.get("campaignId")).longValue(), (String) p.get("class"), (String) p.get("mode"),
                    (String) p.get("sha256"), ((Number) p.get("scheduledStart")).longValue(),
                    ((Number) p.get("actualStart")).longValue(), ((Number) p.get("actualEnd")).longValue(),
                    PlayRecord.Outcome.valueOf((String) p.get("outcome")), (String) p.get("reason"),
                    ((Number) p.get("clockOffsetMs")).longValue(), (String) p.get("timelineVersion")));
            assertThat(written.payload()).isEqualTo(example.get("payload"));
            assertThat(written.sig()).isEqualTo(example.get("sig"));
        }
    }

    @Test
    void aSpooledRecordHasExactlyTheExamplePayloadFields() throws Exception {
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), Contract.deviceKeys(state));
        SpooledRecord written = spool.append(new PlayRecord("e1", 3L, "PRIORITY", "LOOP", "a".repeat(64),
                1_000, 1_010L, 2_000L, PlayRecord.Outcome.INTERRUPTED, "preempted", -5, "v1"));

        Map<String, Object> payload = Contract.parse(written.payload().getBytes(StandardCharsets.UTF_8));
        assertThat(payload.keySet())
                .containsExactlyInAnyOrderElementsOf(Contract.json("play-record-payload.json").keySet());
        assertThat(Contract.violations("play-record-payload.schema.json", payload)).isEmpty();
    }

    @Test
    void recordsWithNullableFieldsNullStillMatchTheSchema() throws Exception {
        // a play that never started (MISSED) and one that failed before starting: null actual times, as the schema allows
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), Contract.deviceKeys(state));
        List<SpooledRecord> written = List.of(
                spool.append(new PlayRecord("e1", 3L, "NORMAL", "ONCE", "b".repeat(64), 5_000, null, null,
                        PlayRecord.Outcome.MISSED, "reached 2000 ms late", 0, "v1")),
                spool.append(new PlayRecord(null, null, "NORMAL", "ONCE", "c".repeat(64), 8_000, null, null,
                        PlayRecord.Outcome.FAILED, "media not in cache", 0, null)));
        for (SpooledRecord r : written) {
            Map<String, Object> payload = Contract.parse(r.payload().getBytes(StandardCharsets.UTF_8));
            assertThat(Contract.violations("play-record-payload.schema.json", payload)).as(r.payload()).isEmpty();
            assertThat(Ed25519.verify(Contract.devicePublicKey(), r.payload().getBytes(StandardCharsets.UTF_8), r.sig()))
                    .isTrue();
        }
    }
}
