package vn.bantin.schedule;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable entry ids: the first 24 hex characters of SHA-256 over what makes the entry what it is. */
final class EntryIds {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EntryIds::newDigest);

    private EntryIds() {
    }

    /**
     * ONCE entries pass their playlist index and their occurrence start as segment start, so a delay
     * does not change their id; LOOP segments pass index -1 and their own start.
     */
    static String of(long endpointId, long campaignId, long slotId, long occurrenceStartMs, int itemIndex,
                     long segmentStartMs) {
        ByteBuffer bytes = ByteBuffer.allocate(5 * Long.BYTES + Integer.BYTES)
                .putLong(endpointId).putLong(campaignId).putLong(slotId).putLong(occurrenceStartMs)
                .putInt(itemIndex).putLong(segmentStartMs);
        byte[] hash = SHA256.get().digest(bytes.array());
        return HexFormat.of().formatHex(hash, 0, 12);
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
