package vn.bantin.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.bantin.security.Ed25519Keys;

/**
 * Audits a device's whole chain of play records with nothing but its public key: every signature verifies,
 * every payload names the device, seqs run 1, 2, 3… without gaps, and each prevHash is the hash of the
 * record before. Usable offline through {@link #main}.
 */
public final class ChainVerifier {

    public enum Problem { BAD_SIGNATURE, BAD_PAYLOAD, WRONG_DEVICE, GAP, OUT_OF_ORDER, PREV_HASH_MISMATCH }

    public sealed interface Verdict permits Intact, Broken {
        default boolean intact() {
            return this instanceof Intact;
        }
    }

    /** @param lastHash hash of the last record, or the genesis hash for an empty chain */
    public record Intact(long records, String lastHash) implements Verdict {
    }

    /** @param seq the first seq at which the chain cannot be trusted */
    public record Broken(long seq, Problem problem, String message) implements Verdict {
    }

    private ChainVerifier() {
    }

    /** Verifies records given in seq order, starting at seq 1. */
    public static Verdict verify(byte[] publicKey, List<SignedRecord> recordsInSeqOrder) {
        String deviceId = Ed25519Keys.deviceId(publicKey);
        String previousHash = PlayRecordPayload.GENESIS_HASH;
        long expectedSeq = 1;
        for (SignedRecord record : recordsInSeqOrder) {
            if (!record.signatureVerifies(publicKey)) {
                return new Broken(expectedSeq, Problem.BAD_SIGNATURE,
                        "record " + expectedSeq + ": the signature does not verify with the device key");
            }
            PlayRecordPayload fields;
            try {
                fields = PlayRecordPayload.parse(record.payload());
            } catch (InvalidPayloadException e) {
                return new Broken(expectedSeq, Problem.BAD_PAYLOAD, "record " + expectedSeq + ": " + e.getMessage());
            }
            if (!deviceId.equals(fields.deviceId())) {
                return new Broken(fields.seq(), Problem.WRONG_DEVICE,
                        "record " + fields.seq() + " names device " + fields.deviceId() + ", not " + deviceId);
            }
            if (fields.seq() > expectedSeq) {
                return new Broken(expectedSeq, Problem.GAP, "record " + expectedSeq + " is missing (next is "
                        + fields.seq() + ")");
            }
            if (fields.seq() < expectedSeq) {
                return new Broken(fields.seq(), Problem.OUT_OF_ORDER, "record " + fields.seq()
                        + " appears again or out of order after record " + (expectedSeq - 1));
            }
            if (!previousHash.equals(fields.prevHash())) {
                return new Broken(expectedSeq, Problem.PREV_HASH_MISMATCH, "record " + expectedSeq
                        + ": prevHash " + fields.prevHash() + " is not the hash of the record before, " + previousHash);
            }
            previousHash = record.hash();
            expectedSeq++;
        }
        return new Intact(expectedSeq - 1, previousHash);
    }

    /**
     * {@code java -cp ... vn.bantin.evidence.ChainVerifier EXPORT.json PUBLIC_KEY_BASE64}: the export is a JSON
     * array of {"payload","sig"} in seq order (a plays request body {"records":[...]} is accepted too).
     * Prints the verdict; exit status 0 intact, 1 broken, 2 unusable input.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ChainVerifier EXPORT.json DEVICE_PUBLIC_KEY_BASE64");
            System.exit(2);
        }
        try {
            byte[] publicKey = Ed25519Keys.publicKeyFromBase64(args[1]);
            Verdict verdict = verify(publicKey, readExport(Path.of(args[0])));
            System.out.println("device " + Ed25519Keys.deviceId(publicKey) + ": " + describe(verdict));
            System.exit(verdict.intact() ? 0 : 1);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot verify: " + e.getMessage());
            System.exit(2);
        }
    }

    public static String describe(Verdict verdict) {
        if (verdict instanceof Intact intact) {
            return "INTACT, " + intact.records() + " records, last hash " + intact.lastHash();
        }
        Broken broken = (Broken) verdict;
        return "BROKEN at seq " + broken.seq() + " (" + broken.problem() + "): " + broken.message();
    }

    static List<SignedRecord> readExport(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode array = root != null && root.isObject() ? root.get("records") : root;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(file + " is not a JSON array of {\"payload\",\"sig\"}");
        }
        List<SignedRecord> records = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode payload = item.get("payload");
            JsonNode sig = item.get("sig");
            if (payload == null || !payload.isTextual() || sig == null || !sig.isTextual()) {
                throw new IllegalArgumentException("item " + records.size() + " lacks a string payload or sig");
            }
            records.add(new SignedRecord(payload.textValue(), sig.textValue()));
        }
        return records;
    }
}
