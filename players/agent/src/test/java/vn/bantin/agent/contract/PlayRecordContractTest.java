package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.spool.AckVerifier;
import vn.bantin.agent.spool.Acknowledgement;
import vn.bantin.agent.spool.GapNotices;
import vn.bantin.agent.spool.PlayRecord;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.SpooledRecord;
import vn.bantin.agent.spool.Uploader;

/**
 * plays-request.json, plays-response.json, play-record-payload.json and gap-notice-payload.json against the
 * agent's verification, hashing, spool, gap notices and acknowledgement check.
 */
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
            assertThat(p.get("chain")).as("chain rule of record %d", i + 1).isEqualTo(2);
            prevHash = Hashes.sha256Hex((Hashes.sha256Hex(bytes) + "\n" + records.get(i).get("sig"))
                    .getBytes(StandardCharsets.US_ASCII));
        }
        // a signature is of the exact bytes: the same payload with a space added does not verify
        String first = (String) records.get(0).get("payload");
        assertThat(Ed25519.verify(Contract.devicePublicKey(), first.replace(",\"seq\"", ", \"seq\"")
                .getBytes(StandardCharsets.UTF_8), (String) records.get(0).get("sig"))).isFalse();
    }

    @Test
    void theExampleAcknowledgementVerifiesForTheExampleRequestAndNoOther() throws Exception {
        byte[] request = Contract.bytes("plays-request.json");
        String batch = (String) Contract.json("plays-request.json").get("batch");
        byte[] ack = Contract.bytes("plays-response.json");
        String signature = Contract.text("plays-response.json.sig");
        AckVerifier verifier = new AckVerifier(Contract.controllerPublicKey(), Contract.deviceId());

        Acknowledgement verified = verifier.verify(ack, signature, batch, request);

        assertThat(verified.holds(1)).isTrue();
        assertThat(verified.holds(2)).isTrue();
        assertThat(verified.holds(3)).isFalse();
        assertThat(verified.notices()).containsExactly(Hashes.sha256Hex(((String) ((Map<?, ?>) ((List<?>) Contract
                .json("plays-request.json").get("gapNotices")).get(0)).get("payload")).getBytes(StandardCharsets.UTF_8)));
        assertThat(Contract.violations("plays-response.schema.json", Contract.parse(ack))).isEmpty();
        assertThatThrownBy(() -> verifier.verify(ack, signature, "ff".repeat(16), request))
                .isInstanceOf(AckVerifier.AckRejected.class);
        assertThatThrownBy(() -> verifier.verify(ack, signature, batch, Contract.bytes("enroll-request.json")))
                .isInstanceOf(AckVerifier.AckRejected.class);
        assertThatThrownBy(() -> new AckVerifier(Contract.devicePublicKey(), Contract.deviceId())
                .verify(ack, signature, batch, request)).isInstanceOf(AckVerifier.AckRejected.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAgentWritesTheExampleGapNoticeByteForByteAndShapesRequestsLikeTheExample() throws Exception {
        Map<String, Object> example = (Map<String, Object>) ((List<?>) Contract.json("plays-request.json")
                .get("gapNotices")).get(0);
        Map<String, Object> fields = Contract.json("gap-notice-payload.json");
        DeviceKeys keys = Contract.deviceKeys(state);
        GapNotices notices = new GapNotices(state.resolve("notices"), keys, System::currentTimeMillis);

        String payload = notices.payload(((Number) fields.get("firstSeq")).longValue(),
                ((Number) fields.get("lastSeq")).longValue(), GapNotices.Cause.valueOf((String) fields.get("cause")),
                (String) fields.get("detail"), ((Number) fields.get("notedAt")).longValue());

        assertThat(payload).isEqualTo(example.get("payload"));
        assertThat(keys.signBase64(payload.getBytes(StandardCharsets.UTF_8))).isEqualTo(example.get("sig"));
        assertThat(Contract.violations("gap-notice-payload.schema.json", Contract.parse(
                payload.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        SpooledRecord record = spool.append(new PlayRecord("e1", 3L, "NORMAL", "ONCE", "b".repeat(64), 5_000, 5_010L,
                6_000L, PlayRecord.Outcome.PLAYED, null, 0, "v1"));
        Map<String, Object> body = Contract.parse(Uploader.body("ab".repeat(16), List.of(record),
                List.of(new GapNotices.Notice(payload, (String) example.get("sig")))));
        assertThat(body.keySet()).containsExactlyElementsOf(Contract.json("plays-request.json").keySet());
        assertThat(Contract.violations("plays-request.schema.json", body)).isEmpty();
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
