package vn.bantin.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what to do with one uploaded batch of play records (contract: POST /agent/v1/plays), without
 * storing anything. Either the whole batch is refused (one bad record names the problem) or it is accepted
 * as a plan: new records to append, harmless duplicates, and conflicts to keep aside as tampering.
 *
 * <p>The chain is checked for each new record against its predecessor (stored or in the same batch). A
 * mismatch does not refuse the record: evidence is never dropped, it is stored flagged {@code BROKEN}. A
 * record whose predecessor has not arrived yet is stored {@code UNCHECKED}; {@link ChainVerifier} audits
 * the whole chain once it is complete.
 */
public final class PlayBatchVerifier {

    /** Why a batch was refused: the {@code code} of the 400 answer. */
    public enum Refusal {
        BAD_SIGNATURE("bad_signature"), BAD_PAYLOAD("bad_payload"), WRONG_DEVICE("wrong_device");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** How a new record links to its predecessor. */
    public enum Link { LINKED, BROKEN, UNCHECKED }

    public sealed interface Plan permits Accepted, Rejected {
    }

    /**
     * @param highestSeq the highest seq such that every record 1..highestSeq is stored once this plan is applied
     */
    public record Accepted(List<NewRecord> toStore, List<Long> duplicates, List<Conflict> conflicts,
                           long highestSeq) implements Plan {
    }

    /** The batch is refused as a whole; {@code index} is the record's position in the batch, {@code seq} may be null. */
    public record Rejected(Refusal refusal, int index, Long seq, String message) implements Plan {
        public String code() {
            return refusal.code();
        }
    }

    public record NewRecord(SignedRecord record, String hash, PlayRecordPayload fields, Link link) {
        public long seq() {
            return fields.seq();
        }

        public boolean chainBroken() {
            return link == Link.BROKEN;
        }
    }

    /** Same seq as a stored (or earlier in-batch) record, other bytes: kept aside, flagged as tampering. */
    public record Conflict(SignedRecord record, long seq, String hash, String keptHash) {
    }

    private PlayBatchVerifier() {
    }

    public static Plan plan(String deviceId, byte[] publicKey, List<SignedRecord> batch, StoredRecords stored) {
        List<NewRecord> parsed = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            SignedRecord record = batch.get(i);
            if (record == null || record.payload() == null || record.sig() == null) {
                return new Rejected(Refusal.BAD_PAYLOAD, i, null, "record " + i + " lacks payload or sig");
            }
            if (!record.signatureVerifies(publicKey)) {
                Long seq = PlayRecordPayload.seqOrNull(record.payload());
                return new Rejected(Refusal.BAD_SIGNATURE, i, seq,
                        name(i, seq) + ": the signature does not verify with this device's key");
            }
            PlayRecordPayload fields;
            try {
                fields = PlayRecordPayload.parse(record.payload());
            } catch (InvalidPayloadException e) {
                Long seq = PlayRecordPayload.seqOrNull(record.payload());
                return new Rejected(Refusal.BAD_PAYLOAD, i, seq, name(i, seq) + ": " + e.getMessage());
            }
            if (!deviceId.equals(fields.deviceId())) {
                return new Rejected(Refusal.WRONG_DEVICE, i, fields.seq(), name(i, fields.seq())
                        + ": deviceId is " + fields.deviceId() + ", but the caller is " + deviceId);
            }
            parsed.add(new NewRecord(record, record.hash(), fields, Link.UNCHECKED));
        }
        return classify(parsed, stored);
    }

    private static Plan classify(List<NewRecord> parsed, StoredRecords stored) {
        parsed.sort(Comparator.comparingLong(NewRecord::seq));
        Map<Long, NewRecord> fresh = new LinkedHashMap<>();
        List<Long> duplicates = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (NewRecord record : parsed) {
            String keptHash = Optional.ofNullable(fresh.get(record.seq())).map(NewRecord::hash)
                    .or(() -> stored.bySeq(record.seq()).map(StoredRecords.StoredRecord::hash))
                    .orElse(null);
            if (keptHash == null) {
                fresh.put(record.seq(), withLink(record, fresh, stored));
            } else if (keptHash.equals(record.hash())) {
                duplicates.add(record.seq());
            } else {
                conflicts.add(new Conflict(record.record(), record.seq(), record.hash(), keptHash));
            }
        }
        long highest = stored.highestContiguousSeq();
        while (fresh.containsKey(highest + 1) || stored.bySeq(highest + 1).isPresent()) {
            highest++;
        }
        return new Accepted(List.copyOf(fresh.values()), List.copyOf(duplicates), List.copyOf(conflicts), highest);
    }

    private static NewRecord withLink(NewRecord record, Map<Long, NewRecord> fresh, StoredRecords stored) {
        long seq = record.seq();
        String expected = seq == 1 ? PlayRecordPayload.GENESIS_HASH
                : Optional.ofNullable(fresh.get(seq - 1)).map(NewRecord::hash)
                        .or(() -> stored.bySeq(seq - 1).map(StoredRecords.StoredRecord::hash))
                        .orElse(null);
        Link link = expected == null ? Link.UNCHECKED
                : expected.equals(record.fields().prevHash()) ? Link.LINKED : Link.BROKEN;
        return new NewRecord(record.record(), record.hash(), record.fields(), link);
    }

    private static String name(int index, Long seq) {
        return "record " + index + (seq == null ? "" : " (seq " + seq + ")");
    }
}
