package vn.bantin.security;

import java.util.Base64;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Verifies many signatures by one key (a device's batch of play records): the key is checked and decoded to its
 * curve point once, instead of once per signature as {@link Ed25519Keys#verify} does. It accepts exactly what
 * {@link Ed25519Keys#verify} accepts: the same key check (canonical encoding, on the curve) and the same
 * signature check.
 */
public final class Ed25519Verifier {

    private final Ed25519.PublicPoint point;

    private Ed25519Verifier(Ed25519.PublicPoint point) {
        this.point = point;
    }

    /** A verifier for a raw 32-byte key; one that refuses every signature when the key is not a valid point. */
    public static Ed25519Verifier of(byte[] publicKey) {
        if (publicKey == null || publicKey.length != Ed25519Keys.KEY_BYTES) {
            return new Ed25519Verifier(null);
        }
        return new Ed25519Verifier(Ed25519.validatePublicKeyPartialExport(publicKey, 0));
    }

    public boolean verify(byte[] message, byte[] signature) {
        return point != null && message != null && signature != null && signature.length == Ed25519Keys.SIGNATURE_BYTES
                && Ed25519.verify(signature, 0, point, message, 0, message.length);
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
