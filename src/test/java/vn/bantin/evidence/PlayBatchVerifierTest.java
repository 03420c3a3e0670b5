package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.evidence.PlayBatchVerifier.Link;
import vn.bantin.evidence.PlayBatchVerifier.NewRecord;
import vn.bantin.evidence.PlayBatchVerifier.Plan;
import vn.bantin.evidence.PlayBatchVerifier.Refusal;
import vn.bantin.evidence.PlayBatchVerifier.Refused;

class PlayBatchVerifierTest {

    private final TestDevice device = new TestDevice();
    private final MemoryStore store = new MemoryStore();

    /** An in-memory store that applies plans the way the real one must: append only. */
    private static final class MemoryStore implements StoredRecords {
        private final TreeMap<Long, String> records = new TreeMap<>();

        @Override
        public Optional<String> hashAt(long seq) {
            return Optional.ofNullable(records.get(seq));
        }

        SeqRanges held() {
            return SeqRanges.empty().plus(records.keySet());
        }

        void apply(Plan plan) {
            for (NewRecord record : plan.toStore()) {
                records.put(record.seq(), record.hash());
            }
        }
    }

    private Plan plan(List<SignedRecord> batch) {
        return PlayBatchVerifier.plan(device.id(), device.publicKey(), batch, store);
    }

    private Plan accept(List<SignedRecord> batch) {
        Plan plan = plan(batch);
        store.apply(plan);
        return plan;
    }

    @Test
    @DisplayName("records in order are stored and linked")
    void inOrder() {
        Plan first = accept(device.next(3));
        Plan second = accept(device.next(2));

        assertThat(first.toStore()).extracting(NewRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(first.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
        assertThat(second.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
        assertThat(first.refused()).isEmpty();
        assertThat(store.held()).hasToString("[1-5]");
    }

    @Test
    @DisplayName("re-sending stored records is harmless: counted as duplicates, nothing stored twice")
    void duplicates() {
        List<SignedRecord> records = device.next(3);
        accept(records.subList(0, 2));

        Plan again = accept(records);

        assertThat(again.toStore()).extracting(NewRecord::seq).containsExactly(3L);
        assertThat(again.duplicates()).containsExactly(1L, 2L);
        assertThat(again.conflicts()).isEmpty();
    }

    @Test
    @DisplayName("a validly signed record with a stored seq but other bytes is kept aside as a conflict")
    void conflict() {
        List<SignedRecord> records = device.next(2);
        accept(records);
        SignedRecord rewritten = device.sign(TestDevice.payload(device.id(), 2, records.get(0).chainHash(PlayRecordPayload.CHAIN_SIGNED))
                .put("outcome", "MISSED").put("reason", "rewritten").toString());

        Plan plan = accept(List.of(rewritten));

        assertThat(plan.toStore()).isEmpty();
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.seq()).isEqualTo(2);
            assertThat(conflict.keptHash()).isEqualTo(records.get(1).chainHash(PlayRecordPayload.CHAIN_SIGNED));
            assertThat(conflict.record()).isEqualTo(rewritten);
        });
        assertThat(store.hashAt(2)).contains(records.get(1).chainHash(PlayRecordPayload.CHAIN_SIGNED));
    }

    @Test
    @DisplayName("a bad signature refuses that record alone, names its seq, and the rest of the batch is stored")
    void badSignature() {
        List<SignedRecord> records = new ArrayList<>(device.next(4));
        SignedRecord third = records.get(2);
        records.set(2, new SignedRecord(third.payload().replace("PLAYED", "FAILED"), third.sig()));

        Plan plan = accept(records);

        assertThat(plan.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
            assertThat(refused.index()).isEqualTo(2);
            assertThat(refused.seq()).isEqualTo(3);
            assertThat(refused.message()).contains("seq 3");
        });
        assertThat(plan.toStore()).extracting(NewRecord::seq).containsExactly(1L, 2L, 4L);
        assertThat(store.held()).hasToString("[1-2, 4]");
    }

    @Test
    @DisplayName("a record signed by another key, or naming another device, is refused; its neighbours are stored")
    void wrongDevice() {
        TestDevice other = new TestDevice();
        Plan foreign = plan(List.of(device.next(), other.next()));
        assertThat(foreign.refused()).extracting(Refused::refusal).containsExactly(Refusal.BAD_SIGNATURE);
        assertThat(foreign.toStore()).extracting(NewRecord::seq).containsExactly(1L);

        TestDevice impostor = new TestDevice(device.key);
        SignedRecord claimsOther = impostor.next(node -> node.put("deviceId", other.id()));
        assertThat(plan(List.of(claimsOther)).refused()).singleElement().satisfies(refused -> {
            assertThat(refused.refusal()).isEqualTo(Refusal.WRONG_DEVICE);
            assertThat(refused.message()).contains(other.id(), device.id());
        });
    }

    @Test
    @DisplayName("a signed payload that is not JSON, a missing signature and an oversized payload are each refused")
    void invalid() {
        SignedRecord huge = device.next(node -> node.put("reason", "x".repeat(PlayBatchVerifier.MAX_PAYLOAD_CHARS)));
        Plan plan = plan(List.of(device.sign("hello"), new SignedRecord("{}", null), huge));

        assertThat(plan.refused()).extracting(r -> r.refusal().code())
                .containsExactly("bad_payload", "bad_payload", "record_too_large");
        assertThat(plan.refused()).extracting(Refused::index).containsExactly(0, 1, 2);
        assertThat(plan.refused().get(2).seq()).isEqualTo(1);
        assertThat(plan.toStore()).isEmpty();
    }

    @Test
    @DisplayName("a prevHash that does not match is stored anyway, flagged chainBroken")
    void chainBreak() {
        accept(device.next(2));
        SignedRecord bad = device.next(node -> node.put("prevHash", "f".repeat(64)));

        Plan plan = accept(List.of(bad));

        assertThat(plan.toStore()).singleElement().satisfies(record -> {
            assertThat(record.chainBroken()).isTrue();
            assertThat(record.seq()).isEqualTo(3);
        });
    }

    @Test
    @DisplayName("a record ahead of a gap is stored unchecked; the gap shows until it is filled")
    void gap() {
        List<SignedRecord> records = device.next(4);
        accept(records.subList(0, 2));

        Plan ahead = accept(List.of(records.get(3)));
        SeqRanges withGap = store.held();
        Plan filled = accept(List.of(records.get(2)));

        assertThat(ahead.toStore()).singleElement().extracting(NewRecord::link).isEqualTo(Link.UNCHECKED);
        assertThat(withGap.gaps()).containsExactly(new SeqRanges.Range(3, 3));
        assertThat(filled.toStore()).singleElement().extracting(NewRecord::link).isEqualTo(Link.LINKED);
        assertThat(store.held().gaps()).isEmpty();
    }

    @Test
    @DisplayName("records out of order in one batch are linked against each other")
    void unorderedBatch() {
        List<SignedRecord> records = new ArrayList<>(device.next(3));
        Collections.reverse(records);

        Plan plan = accept(records);

        assertThat(plan.toStore()).extracting(NewRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(plan.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
    }
    @Test
    @DisplayName("a linked run is the device's by its head's signature: inside it, a record's own signature is not needed")
    void runVouchedForByItsHead() {
        List<SignedRecord> records = new ArrayList<>(device.next(2));
        records.add(device.nextSignedAs(device.sign("not this record").sig()));
        records.addAll(device.next(2));

        Plan plan = accept(records);

        assertThat(plan.refused()).isEmpty();
        assertThat(plan.toStore()).extracting(NewRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(plan.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
        assertThat(plan.toStore()).extracting(NewRecord::hash).doesNotHaveDuplicates()
                .allSatisfy(hash -> assertThat(hash).hasSize(64));
    }

    @Test
    @DisplayName("a run's head is always checked: alone at the top of a batch, a wrong signature is refused")
    void headIsChecked() {
        List<SignedRecord> records = new ArrayList<>(device.next(2));
        records.add(device.nextSignedAs(device.sign("not this record").sig()));

        Plan plan = accept(records);

        assertBadSignatureAlone(plan, 3, 1L, 2L);
    }

    @Test
    @DisplayName("a signature swapped for another of the device's breaks the link to it, so it is checked and refused")
    void swappedSignatureInsideARun() {
        List<SignedRecord> records = new ArrayList<>(device.next(4));
        records.set(1, new SignedRecord(records.get(1).payload(), records.get(0).sig()));

        Plan plan = accept(records);

        assertBadSignatureAlone(plan, 2, 1L, 3L, 4L);
    }

    @Test
    @DisplayName("under chain rule 1 a link covers the payload only, so every record's own signature is checked")
    void payloadChainChecksEverySignature() {
        TestDevice old = TestDevice.payloadChained();
        List<SignedRecord> records = new ArrayList<>(old.next(1));
        records.add(old.nextSignedAs(old.sign("not this record").sig()));
        records.addAll(old.next(2));

        Plan plan = PlayBatchVerifier.plan(old.id(), old.publicKey(), records, store);

        assertBadSignatureAlone(plan, 2, 1L, 3L, 4L);
    }

    @Test
    @DisplayName("an agent upgraded mid-chain: its first rule-2 record links to the rule-1 record before it")
    void upgradedAgent() {
        TestDevice old = TestDevice.payloadChained();
        List<SignedRecord> records = new ArrayList<>(old.next(2));
        TestDevice upgraded = old.upgraded();
        records.addAll(upgraded.next(2));

        Plan plan = PlayBatchVerifier.plan(old.id(), old.publicKey(), records, store);

        assertThat(plan.refused()).isEmpty();
        assertThat(plan.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
        assertThat(plan.toStore()).extracting(r -> r.fields().chain()).containsExactly(1, 1, 2, 2);
        assertThat(plan.toStore().get(1).hash()).isEqualTo(records.get(1).payloadHash());
    }

    @Test
    @DisplayName("a chain rule other than 1 or 2 is refused as a bad payload")
    void unknownChainRule() {
        Plan plan = plan(List.of(device.next(node -> node.put("chain", 3))));

        assertThat(plan.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.refusal()).isEqualTo(Refusal.BAD_PAYLOAD);
            assertThat(refused.message()).contains("\"chain\" must be 1 or 2");
        });
    }

    /** Only {@code seq} was refused, for its signature; the others stored. */
    private static void assertBadSignatureAlone(Plan plan, long seq, Long... stored) {
        assertThat(plan.refused()).singleElement().extracting(Refused::seq, Refused::refusal)
                .containsExactly(seq, Refusal.BAD_SIGNATURE);
        assertThat(plan.toStore()).extracting(NewRecord::seq).containsExactly(stored);
    }
}
