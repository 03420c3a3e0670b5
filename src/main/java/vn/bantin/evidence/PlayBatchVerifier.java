package vn.bantin.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what to do with a batch of play records from one device: every record must verify and
 * belong to the device, or the whole batch is refused. Then each is new, a harmless duplicate, or
 * a conflict with a stored record (kept aside as tampering). A new record whose prevHash does not
 * match its predecessor is still stored — evidence is never dropped — but flagged chainBroken.
 */
public final class PlayBatchVerifier {

    /** What is already stored for the device. */
    public interface Stored {
        /** The hash of the stored record with this seq, if any. */
        Optional<String> hashOf(long seq);
    }

    public record Accepted(SignedRecord record, PlayPayload payload, boolean chainBroken) {
    }

    public record Plan(List<Accepted> toStore, int duplicates, List<SignedRecord> conflicts) {
    }

    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private PlayBatchVerifier() {
    }

    public static Plan plan(String deviceId, byte[] publicKey, List<SignedRecord> batch, Stored stored)
            throws Refused {
        List<Accepted> parsed = new ArrayList<>();
        for (SignedRecord r : batch) {
            PlayPayload p;
            try {
                p = PlayPayload.parse(r.payload());
            } catch (IllegalArgumentException e) {
                throw new Refused("Record refused: " + e.getMessage());
            }
            if (!r.verifies(publicKey)) {
                throw new Refused("Record seq " + p.seq() + " has a signature that does not verify");
            }
            if (!deviceId.equals(p.deviceId())) {
                throw new Refused("Record seq " + p.seq() + " names device " + p.deviceId() + ", not the caller");
            }
            parsed.add(new Accepted(r, p, false));
        }
        parsed.sort(Comparator.comparingLong(a -> a.payload().seq()));

        Map<Long, String> inBatch = new HashMap<>();
        List<Accepted> toStore = new ArrayList<>();
        List<SignedRecord> conflicts = new ArrayList<>();
        int duplicates = 0;
        for (Accepted a : parsed) {
            long seq = a.payload().seq();
            String hash = a.record().hash();
            Optional<String> existing = stored.hashOf(seq).or(() -> Optional.ofNullable(inBatch.get(seq)));
            if (existing.isPresent()) {
                if (existing.get().equals(hash)) {
                    duplicates++;
                } else {
                    conflicts.add(a.record());
                }
                continue;
            }
            String expectedPrev = seq == 1 ? PlayPayload.GENESIS_HASH
                    : stored.hashOf(seq - 1).orElse(inBatch.get(seq - 1));
            // a predecessor not received yet is a gap, which ChainVerifier reports; only a mismatch is flagged here
            boolean broken = expectedPrev != null && !expectedPrev.equals(a.payload().prevHash());
            inBatch.put(seq, hash);
            toStore.add(new Accepted(a.record(), a.payload(), broken));
        }
        return new Plan(toStore, duplicates, conflicts);
    }
}
