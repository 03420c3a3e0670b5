package vn.bantin.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import vn.bantin.security.Ed25519Verifier;
import vn.bantin.security.Sha256;

/**
 * Decides what to do with one uploaded batch of play records (contract: POST /agent/v1/plays), record by
 * record, without storing anything: new records to append, harmless duplicates, conflicts to keep aside as
 * tampering, and records refused as invalid (each named, kept aside too). One bad record never holds back
 * the others.
 *
 * <p>The chain is checked for each new record against its predecessor (stored or in the same batch). A
 * mismatch does not refuse the record: evidence is never dropped, it is stored flagged {@code BROKEN}. A
 * record whose predecessor has not arrived yet is stored {@code UNCHECKED}; {@code bundle.ChainCheck} audits
 * the whole chain.
 */
public final class PlayBatchVerifier {

    /** Longest payload stored (characters); a longer one is refused. */
    public static final int MAX_PAYLOAD_CHARS = 4000;

    /** Why a record was refused: the {@code code} of its entry in the acknowledgement. */
    public enum Refusal {
        BAD_SIGNATURE("bad_signature"), BAD_PAYLOAD("bad_payload"), WRONG_DEVICE("wrong_device"),
        TOO_LARGE("record_too_large");

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

    public record Plan(List<NewRecord> toStore, List<Long> duplicates, List<Conflict> conflicts,
                       List<Refused> refused) {
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

    /** A record refused as invalid: {@code index} is its position in the batch, {@code seq} null when unreadable. */
    public record Refused(int index, Long seq, Refusal refusal, SignedRecord record, String message) {
    }

    private PlayBatchVerifier() {
    }

    /** A batch checked record by record, before anything stored is read: the valid records and the refused. */
    public record Checked(List<NewRecord> valid, List<Refused> refused) {
    }

    public static Plan plan(String deviceId, byte[] publicKey, List<SignedRecord> batch, StoredRecords stored) {
        return classify(check(deviceId, publicKey, batch), stored);
    }

    /**
     * Size, payload, signature and device of every record: the costly part (Ed25519) needs nothing stored, so
     * ingest runs it before its transaction and {@link #classify} inside.
     *
     * <p>A record is the device's when its own signature verifies, or when it follows chain rule 2 and a record
     * of this batch already found to be the device's names its chain hash as {@code prevHash}: that signature
     * covers this record's payload and signature through SHA-256. Going from the highest seq down, a linked run
     * costs one verification, at its head; a record edited or re-signed anywhere breaks the link to it, so its
     * own signature is checked, and refused when it fails.
     */
    public static Checked check(String deviceId, byte[] publicKey, List<SignedRecord> batch) {
        Ed25519Verifier key = Ed25519Verifier.of(publicKey);
        List<Read> readable = new ArrayList<>(batch.size());
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Read read = read(i, batch.get(i), key);
            if (read.refused() != null) {
                refused.add(read.refused());
            } else {
                readable.add(read);
            }
        }
        readable.sort(Comparator.comparingLong((Read r) -> r.fields().seq()).reversed());
        Map<Long, Set<String>> vouchedFor = new HashMap<>();
        List<Indexed> valid = new ArrayList<>(readable.size());
        for (Read r : readable) {
            PlayRecordPayload fields = r.fields();
            String chainHash = fields.chainHash(r.record());
            boolean vouched = fields.chain() >= PlayRecordPayload.CHAIN_SIGNED
                    && vouchedFor.getOrDefault(fields.seq(), Set.of()).contains(chainHash);
            if (!vouched && !r.record().signatureVerifies(key)) {
                refused.add(new Refused(r.index(), fields.seq(), Refusal.BAD_SIGNATURE, r.record(),
                        name(r.index(), fields.seq()) + ": the signature does not verify with this device's key"));
            } else if (!deviceId.equals(fields.deviceId())) {
                refused.add(new Refused(r.index(), fields.seq(), Refusal.WRONG_DEVICE, r.record(),
                        name(r.index(), fields.seq()) + ": deviceId is " + fields.deviceId() + ", but the caller is "
                                + deviceId));
            } else {
                valid.add(new Indexed(r.index(), new NewRecord(r.record(), chainHash, fields, Link.UNCHECKED)));
                vouchedFor.computeIfAbsent(fields.seq() - 1, s -> new HashSet<>()).add(fields.prevHash());
            }
        }
        valid.sort(Comparator.comparingInt(Indexed::index));
        refused.sort(Comparator.comparingInt(Refused::index));
        return new Checked(valid.stream().map(Indexed::record).toList(), List.copyOf(refused));
    }

    /** The seqs whose stored hashes {@link #classify} reads: each valid record's and its predecessor's. */
    public static SortedSet<Long> seqsToLookUp(Checked checked) {
        SortedSet<Long> seqs = new TreeSet<>();
        for (NewRecord r : checked.valid()) {
            seqs.add(r.seq());
            if (r.seq() > 1) {
                seqs.add(r.seq() - 1);
            }
        }
        return seqs;
    }

    private record Indexed(int index, NewRecord record) {
    }

    /** A record whose payload reads as a contract payload (its signature not yet decided), or why it is refused. */
    private record Read(int index, SignedRecord record, PlayRecordPayload fields, Refused refused) {
    }

    /**
     * The record's fields, or why it is refused before its signature can be vouched for: missing parts, too large,
     * or a payload that does not read (reported as a bad signature when its own signature fails too).
     */
    private static Read read(int i, SignedRecord record, Ed25519Verifier publicKey) {
        if (record.payload() == null || record.sig() == null) {
            return new Read(i, record, null, new Refused(i, null, Refusal.BAD_PAYLOAD, record,
                    "record " + i + " lacks payload or sig"));
        }
        if (record.payload().length() > MAX_PAYLOAD_CHARS) {
            Long seq = PlayRecordPayload.seqOrNull(record.payload());
            return new Read(i, record, null, new Refused(i, seq, Refusal.TOO_LARGE, record, name(i, seq)
                    + ": payload is over " + MAX_PAYLOAD_CHARS + " characters"));
        }
        try {
            return new Read(i, record, PlayRecordPayload.parse(record.payload()), null);
        } catch (InvalidPayloadException e) {
            Long seq = PlayRecordPayload.seqOrNull(record.payload());
            Refused refused = record.signatureVerifies(publicKey)
                    ? new Refused(i, seq, Refusal.BAD_PAYLOAD, record, name(i, seq) + ": " + e.getMessage())
                    : new Refused(i, seq, Refusal.BAD_SIGNATURE, record,
                            name(i, seq) + ": the signature does not verify with this device's key");
            return new Read(i, record, null, refused);
        }
    }

    /** What to do with each checked record, given what is stored: append, duplicate or conflict. */
    public static Plan classify(Checked checked, StoredRecords stored) {
        List<NewRecord> parsed = new ArrayList<>(checked.valid());
        parsed.sort(Comparator.comparingLong(NewRecord::seq));
        Map<Long, NewRecord> fresh = new LinkedHashMap<>();
        List<Long> duplicates = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (NewRecord record : parsed) {
            String keptHash = Optional.ofNullable(fresh.get(record.seq())).map(NewRecord::hash)
                    .or(() -> stored.hashAt(record.seq()))
                    .orElse(null);
            if (keptHash == null) {
                fresh.put(record.seq(), withLink(record, fresh, stored));
            } else if (keptHash.equals(record.hash())) {
                duplicates.add(record.seq());
            } else {
                conflicts.add(new Conflict(record.record(), record.seq(), record.hash(), keptHash));
            }
        }
        return new Plan(List.copyOf(fresh.values()), List.copyOf(duplicates), List.copyOf(conflicts),
                checked.refused());
    }

    private static NewRecord withLink(NewRecord record, Map<Long, NewRecord> fresh, StoredRecords stored) {
        long seq = record.seq();
        String expected = seq == 1 ? PlayRecordPayload.GENESIS_HASH
                : Optional.ofNullable(fresh.get(seq - 1)).map(NewRecord::hash)
                        .or(() -> stored.hashAt(seq - 1))
                        .orElse(null);
        Link link = expected == null ? Link.UNCHECKED
                : expected.equals(record.fields().prevHash()) ? Link.LINKED : Link.BROKEN;
        return new NewRecord(record.record(), record.hash(), record.fields(), link);
    }

    /** A fingerprint of what was sent, readable or not: hex SHA-256 of the payload, a newline, the signature. */
    public static String fingerprint(SignedRecord record) {
        return Sha256.hex((record.payload() == null ? "" : record.payload()) + "\n"
                + (record.sig() == null ? "" : record.sig()));
    }

    private static String name(int index, Long seq) {
        return "record " + index + (seq == null ? "" : " (seq " + seq + ")");
    }
}
