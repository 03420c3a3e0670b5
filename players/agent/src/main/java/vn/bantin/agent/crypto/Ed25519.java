package vn.bantin.agent.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Raw 32-byte Ed25519 public keys, as the contract encodes them, and verification with them. */
public final class Ed25519 {

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    public static final int RAW_KEY_LENGTH = 32;

    private Ed25519() {
    }

    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + RAW_KEY_LENGTH
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        if (raw.length != RAW_KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_KEY_LENGTH);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, RAW_KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad Ed25519 public key", e);
        }
    }

    /** False for a malformed or non-verifying signature; never throws on bad input. */
    public static boolean verify(byte[] rawPublicKey, byte[] data, String base64Signature) {
        if (base64Signature == null || base64Signature.isBlank()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(rawPublicKey));
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(base64Signature.trim()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
