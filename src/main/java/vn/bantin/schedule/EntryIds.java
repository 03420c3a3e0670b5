package vn.bantin.schedule;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Stable entry ids: the first 24 hex characters of SHA-256 over what makes the entry what it is. */
final class EntryIds {

    private static final int ID_BYTES = 12;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** A digest with its input and output buffers, one per thread: millions of ids are made per compilation. */
    private static final class Hasher {
        final MessageDigest sha256 = newDigest();
        final byte[] input = new byte[5 * Long.BYTES + Integer.BYTES];
        final byte[] hash = new byte[32];
        final byte[] hex = new byte[2 * ID_BYTES];
        int position;

        void putLong(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                input[position++] = (byte) (value >>> shift);
            }
        }

        void putInt(int value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                input[position++] = (byte) (value >>> shift);
            }
        }

        String finish() {
            sha256.update(input, 0, position);
            position = 0;
            try {
                sha256.digest(hash, 0, hash.length);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0; i < ID_BYTES; i++) {
                hex[2 * i] = HEX[(hash[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[hash[i] & 0xf];
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }
    }

    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private EntryIds() {
    }

    /**
     * ONCE entries pass their playlist index and their occurrence start as segment start, so a delay
     * does not change their id; LOOP segments pass index -1 and their own start. The hashed bytes are
     * the fields big-endian, in this order.
     */
    static String of(long endpointId, long campaignId, long slotId, long occurrenceStartMs, int itemIndex,
                     long segmentStartMs) {
        Hasher hasher = HASHER.get();
        hasher.putLong(endpointId);
        hasher.putLong(campaignId);
        hasher.putLong(slotId);
        hasher.putLong(occurrenceStartMs);
        hasher.putInt(itemIndex);
        hasher.putLong(segmentStartMs);
        return hasher.finish();
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
