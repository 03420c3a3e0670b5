package vn.bantin.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** One-time enrollment codes: short enough to type on a Pi's console, kept only as SHA-256. */
public final class EnrollmentCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrollmentCodes() {
    }

    /** 12 characters from 31 symbols ≈ 59 bits, shown as XXXX-XXXX-XXXX; codes expire and are single-use. */
    public static String newCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    public static String hash(String code) {
        return sha256(code.trim().toUpperCase().replace("-", "").replace(" ", ""));
    }

    /**
     * The name a stored area code is listed and revoked by: 16 hex digits of a hash of its stored hash, so a list
     * of codes gives nothing to guess the codes from.
     */
    public static String ref(String codeHash) {
        return sha256("area-code-ref:" + codeHash).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
