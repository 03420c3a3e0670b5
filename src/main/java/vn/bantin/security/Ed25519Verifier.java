package vn.bantin.security;

import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies many signatures by one key (a device's batch of play records): the key is checked and decoded to its
 * curve point once, instead of once per signature as {@link Ed25519Keys#verify} does. It accepts exactly what
 * {@link Ed25519Keys#verify} accepts: the same key check (canonical encoding, on the curve) and the same
 * signature check.
 *
 * <p>With libsodium present ({@link SodiumEd25519}) a signature is checked there first. libsodium accepts a subset
 * of what BouncyCastle accepts (both compare the recomputed R with the signature's bytes and need a canonical S;
 * libsodium also refuses small-order keys and R), so a signature it accepts is accepted, and one it refuses is
 * decided by BouncyCastle: the verdicts stay BouncyCastle's (and the offline verifier's), the honest record pays
 * only for libsodium's check.
 */
public final class Ed25519Verifier {

    private final Ed25519.PublicPoint point;
    private final byte[] publicKey;
    private final boolean sodiumFirst;

    private Ed25519Verifier(Ed25519.PublicPoint point, byte[] publicKey, boolean sodiumFirst) {
        this.point = point;
        this.publicKey = publicKey;
        this.sodiumFirst = sodiumFirst;
    }

    /** "libsodium" or "BouncyCastle": which one {@link #of} checks signatures with first in this process. */
    public static String implementation() {
        return SodiumEd25519.available() ? "libsodium" : "BouncyCastle";
    }

    /** A verifier for a raw 32-byte key; one that refuses every signature when the key is not a valid point. */
    public static Ed25519Verifier of(byte[] publicKey) {
        return of(publicKey, SodiumEd25519.available());
    }

    /** The same verdicts as {@link #of}, by BouncyCastle alone (a baseline to measure libsodium against). */
    public static Ed25519Verifier bouncyCastleOnly(byte[] publicKey) {
        return of(publicKey, false);
    }

    private static Ed25519Verifier of(byte[] publicKey, boolean sodiumFirst) {
        if (publicKey == null || publicKey.length != Ed25519Keys.KEY_BYTES) {
            return new Ed25519Verifier(null, null, false);
        }
        return new Ed25519Verifier(Ed25519.validatePublicKeyPartialExport(publicKey, 0), publicKey.clone(),
                sodiumFirst);
    }

    public boolean verify(byte[] message, byte[] signature) {
        return wellFormed(message, signature) && (sodiumFirst && SodiumEd25519.verify(signature, message, publicKey)
                || Ed25519.verify(signature, 0, point, message, 0, message.length));
    }

    private boolean wellFormed(byte[] message, byte[] signature) {
        return point != null && message != null && signature != null && signature.length == Ed25519Keys.SIGNATURE_BYTES;
    }

    /** False too when the signature is not valid base64. */
    public boolean verifyBase64(byte[] message, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(message, signature);
    }
}
