package vn.bantin.security;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) over raw keys, through BouncyCastle: about seven times faster at verifying than
 * the JDK provider, and the signatures are the same, so agents may sign with the JDK's.
 */
public final class Ed25519Keys {

    public static final int KEY_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ed25519Keys() {
    }

    public static byte[] newPrivateKey() {
        byte[] seed = new byte[KEY_BYTES];
        Ed25519.generatePrivateKey(RANDOM, seed);
        return seed;
    }

    public static byte[] publicKey(byte[] privateKey) {
        byte[] pub = new byte[KEY_BYTES];
        Ed25519.generatePublicKey(privateKey, 0, pub, 0);
        return pub;
    }

    public static byte[] sign(byte[] privateKey, byte[] message) {
        byte[] sig = new byte[SIGNATURE_BYTES];
        Ed25519.sign(privateKey, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    /** False for a malformed key or signature as well as a wrong one. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != KEY_BYTES || signature == null
                || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Decodes standard base64; null when the text is not base64 or not of the expected length. */
    public static byte[] decode(String base64, int expectedLength) {
        if (base64 == null) {
            return null;
        }
        try {
            byte[] raw = Base64.getDecoder().decode(base64.trim());
            return raw.length == expectedLength ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String encode(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }

    /** The contract's device id: first 32 hex characters of SHA-256 of the raw public key. */
    public static String deviceId(byte[] publicKey) {
        return sha256Hex(publicKey).substring(0, 32);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
