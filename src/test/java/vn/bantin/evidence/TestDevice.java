package vn.bantin.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.bantin.security.Ed25519Keys;

/** A device that writes chained, signed play records the way the agent does (chain rule 2), or as older agents did. */
final class TestDevice {

    static final long T0 = 1_764_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    final Ed25519Keys.KeyPair key;
    private String lastHash = PlayRecordPayload.GENESIS_HASH;
    private long seq;
    private final int chain;

    TestDevice() {
        this(Ed25519Keys.generate());
    }

    TestDevice(Ed25519Keys.KeyPair key) {
        this(key, PlayRecordPayload.CHAIN_SIGNED);
    }

    private TestDevice(Ed25519Keys.KeyPair key, int chain) {
        this.key = key;
        this.chain = chain;
    }

    /** A device whose agent predates chain rule 2: its prevHash covers the payload only. */
    static TestDevice payloadChained() {
        return new TestDevice(Ed25519Keys.generate(), PlayRecordPayload.CHAIN_PAYLOAD);
    }

    /** The same key, going on from this device's last record under chain rule 2 (an agent upgraded in place). */
    TestDevice upgraded() {
        TestDevice next = new TestDevice(key, PlayRecordPayload.CHAIN_SIGNED);
        next.seq = seq;
        next.lastHash = lastHash;
        return next;
    }

    /** The next record with its signature replaced by {@code sig}, chained as the device would chain it. */
    SignedRecord nextSignedAs(String sig) {
        return chained(new SignedRecord(nextPayload().toString(), sig));
    }

    String id() {
        return key.deviceId();
    }

    byte[] publicKey() {
        return key.publicKey();
    }

    static ObjectNode payload(String deviceId, long seq, String prevHash) {
        ObjectNode node = JSON.createObjectNode();
        node.put("deviceId", deviceId);
        node.put("seq", seq);
        node.put("prevHash", prevHash);
        node.put("entryId", "e" + seq);
        node.put("campaignId", 3L);
        node.put("class", "NORMAL");
        node.put("mode", "ONCE");
        node.put("sha256", "a".repeat(64));
        node.put("scheduledStart", T0 + seq * 60_000);
        node.put("actualStart", T0 + seq * 60_000 + 40);
        node.put("actualEnd", T0 + seq * 60_000 + 30_040);
        node.put("outcome", "PLAYED");
        node.putNull("reason");
        node.put("clockOffsetMs", -12);
        node.put("timelineVersion", "b".repeat(64));
        node.put("chain", PlayRecordPayload.CHAIN_SIGNED);
        return node;
    }

    /** The next record in this device's chain, with fields changed by {@code edit}. */
    SignedRecord next(Consumer<ObjectNode> edit) {
        ObjectNode node = nextPayload();
        edit.accept(node);
        return chained(sign(node.toString()));
    }

    private ObjectNode nextPayload() {
        seq++;
        ObjectNode node = payload(id(), seq, lastHash);
        if (chain == PlayRecordPayload.CHAIN_PAYLOAD) {
            node.remove("chain");
        }
        return node;
    }

    private SignedRecord chained(SignedRecord record) {
        lastHash = record.chainHash(chain);
        return record;
    }

    SignedRecord next() {
        return next(node -> { });
    }

    List<SignedRecord> next(int count) {
        List<SignedRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(next());
        }
        return records;
    }

    SignedRecord sign(String payload) {
        return new SignedRecord(payload, key.signBase64(payload.getBytes(StandardCharsets.UTF_8)));
    }
}
