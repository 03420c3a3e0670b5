package vn.bantin.evidence;

import java.util.List;

/**
 * Checks a device's whole record chain with nothing but its public key: every signature, every
 * prevHash link, no gap from seq 1. Anyone holding an export and the key can run it.
 */
public final class ChainVerifier {

    public enum Status { INTACT, BROKEN }

    public record Verdict(Status status, long records, Long firstBadSeq, String reason) {
        static Verdict intact(long records) {
            return new Verdict(Status.INTACT, records, null, null);
        }
    }

    private ChainVerifier() {
    }

    /** Records must be in seq order. */
    public static Verdict verify(byte[] publicKey, List<SignedRecord> records) {
        String prevHash = PlayPayload.GENESIS_HASH;
        long expectedSeq = 1;
        for (SignedRecord r : records) {
            PlayPayload p;
            try {
                p = PlayPayload.parse(r.payload());
            } catch (IllegalArgumentException e) {
                return broken(expectedSeq, records, "unreadable payload: " + e.getMessage());
            }
            if (p.seq() != expectedSeq) {
                return broken(expectedSeq, records, "record " + expectedSeq + " is missing (next is " + p.seq() + ")");
            }
            if (!r.verifies(publicKey)) {
                return broken(p.seq(), records, "signature does not verify");
            }
            if (!p.prevHash().equals(prevHash)) {
                return broken(p.seq(), records, "prevHash does not match the hash of record " + (p.seq() - 1));
            }
            prevHash = r.hash();
            expectedSeq++;
        }
        return Verdict.intact(records.size());
    }

    private static Verdict broken(long seq, List<SignedRecord> records, String reason) {
        return new Verdict(Status.BROKEN, records.size(), seq, reason);
    }
}
