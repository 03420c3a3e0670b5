package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.evidence.PlayBatchVerifier.Accepted;
import vn.bantin.evidence.PlayBatchVerifier.Link;
import vn.bantin.evidence.PlayBatchVerifier.NewRecord;
import vn.bantin.evidence.PlayBatchVerifier.Refusal;
import vn.bantin.evidence.PlayBatchVerifier.Rejected;

class PlayBatchVerifierTest {

    private final TestDevice device = new TestDevice();
    private final MemoryStore store = new MemoryStore();

    /** An in-memory store that applies plans the way the real one must: append only. */
    private static final class MemoryStore implements StoredRecords {
        private final TreeMap<Long, StoredRecord> records = new TreeMap<>();

        @Override
        public Optional<StoredRecord> bySeq(long seq) {
            return Optional.ofNullable(records.get(seq));
        }

        @Override
        public long highestContiguousSeq() {
            long seq = 0;
            while (records.containsKey(seq + 1)) {
                seq++;
            }
            return seq;
        }

        void apply(Accepted plan) {
            for (NewRecord record : plan.toStore()) {
                records.put(record.seq(), new StoredRecord(record.seq(), record.record().payload(), record.hash()));
            }
        }
    }

    private PlayBatchVerifier.Plan plan(List<SignedRecord> batch) {
        return PlayBatchVerifier.plan(device.id(), device.publicKey(), batch, store);
    }

    private Accepted accept(List<SignedRecord> batch) {
        PlayBatchVerifier.Plan plan = plan(batch);
        assertThat(plan).isInstanceOf(Accepted.class);
        store.apply((Accepted) plan);
        return (Accepted) plan;
    }

    @Test
    @DisplayName("records in order are stored, linked, and acknowledged up to the last")
    void inOrder() {
        Accepted first = accept(device.next(3));
        Accepted second = accept(device.next(2));

        assertThat(first.toStore()).extracting(NewRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(first.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
        assertThat(first.highestSeq()).isEqualTo(3);
        assertThat(second.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
        assertThat(second.highestSeq()).isEqualTo(5);
    }

    @Test
    @DisplayName("re-sending stored records is harmless: counted as duplicates, nothing stored twice")
    void duplicates() {
        List<SignedRecord> records = device.next(3);
        accept(records.subList(0, 2));

        Accepted again = accept(records);

        assertThat(again.toStore()).extracting(NewRecord::seq).containsExactly(3L);
        assertThat(again.duplicates()).containsExactly(1L, 2L);
        assertThat(again.conflicts()).isEmpty();
        assertThat(again.highestSeq()).isEqualTo(3);
    }

    @Test
    @DisplayName("a validly signed record with a stored seq but other bytes is kept aside as a conflict")
    void conflict() {
        List<SignedRecord> records = device.next(2);
        accept(records);
        SignedRecord rewritten = device.sign(TestDevice.payload(device.id(), 2, records.get(0).hash())
                .put("outcome", "MISSED").put("reason", "rewritten").toString());

        Accepted plan = accept(List.of(rewritten));

        assertThat(plan.toStore()).isEmpty();
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.seq()).isEqualTo(2);
            assertThat(conflict.keptHash()).isEqualTo(records.get(1).hash());
            assertThat(conflict.record()).isEqualTo(rewritten);
        });
        assertThat(store.bySeq(2).orElseThrow().hash()).isEqualTo(records.get(1).hash());
    }

    @Test
    @DisplayName("one bad signature refuses the whole batch and names its seq")
    void badSignature() {
        List<SignedRecord> records = new ArrayList<>(device.next(3));
        SignedRecord third = records.get(2);
        records.set(2, new SignedRecord(third.payload().replace("PLAYED", "FAILED"), third.sig()));

        assertThat(plan(records)).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
            assertThat(rejected.seq()).isEqualTo(3);
            assertThat(rejected.message()).contains("seq 3");
        });
        assertThat(store.highestContiguousSeq()).isZero();
    }

    @Test
    @DisplayName("a record signed by another key, or naming another device, refuses the batch")
    void wrongDevice() {
        TestDevice other = new TestDevice();
        assertThat(plan(List.of(device.next(), other.next()))).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.refusal()).isEqualTo(Refusal.BAD_SIGNATURE));

        TestDevice impostor = new TestDevice(device.key);
        SignedRecord claimsOther = impostor.next(node -> node.put("deviceId", other.id()));
        assertThat(plan(List.of(claimsOther))).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.refusal()).isEqualTo(Refusal.WRONG_DEVICE);
            assertThat(rejected.message()).contains(other.id(), device.id());
        });
    }

    @Test
    @DisplayName("a signed payload that is not JSON refuses the batch")
    void notJson() {
        assertThat(plan(List.of(device.sign("hello")))).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.refusal()).isEqualTo(Refusal.BAD_PAYLOAD);
            assertThat(rejected.code()).isEqualTo("bad_payload");
        });
    }

    @Test
    @DisplayName("a prevHash that does not match is stored anyway, flagged chainBroken")
    void chainBreak() {
        accept(device.next(2));
        SignedRecord bad = device.next(node -> node.put("prevHash", "f".repeat(64)));

        Accepted plan = accept(List.of(bad));

        assertThat(plan.toStore()).singleElement().satisfies(record -> {
            assertThat(record.chainBroken()).isTrue();
            assertThat(record.seq()).isEqualTo(3);
        });
        assertThat(plan.highestSeq()).isEqualTo(3);
    }

    @Test
    @DisplayName("a record ahead of a gap is stored unchecked; the ack stops before the gap until it is filled")
    void gap() {
        List<SignedRecord> records = device.next(4);
        accept(records.subList(0, 2));

        Accepted ahead = accept(List.of(records.get(3)));
        Accepted filled = accept(List.of(records.get(2)));

        assertThat(ahead.toStore()).singleElement().extracting(NewRecord::link).isEqualTo(Link.UNCHECKED);
        assertThat(ahead.highestSeq()).isEqualTo(2);
        assertThat(filled.toStore()).singleElement().extracting(NewRecord::link).isEqualTo(Link.LINKED);
        assertThat(filled.highestSeq()).isEqualTo(4);
    }

    @Test
    @DisplayName("records out of order in one batch are linked against each other")
    void unorderedBatch() {
        List<SignedRecord> records = new ArrayList<>(device.next(3));
        Collections.reverse(records);

        Accepted plan = accept(records);

        assertThat(plan.toStore()).extracting(NewRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(plan.toStore()).extracting(NewRecord::link).containsOnly(Link.LINKED);
    }
}
