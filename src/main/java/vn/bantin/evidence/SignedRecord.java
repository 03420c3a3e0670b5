package vn.bantin.evidence;

import java.nio.charset.StandardCharsets;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.Ed25519Verifier;
import vn.bantin.security.Sha256;

/** A play record as the device sent it: the payload string and the base64 device signature over its UTF-8 bytes. */
public record SignedRecord(String payload, String sig) {

    /** The record hash: hex SHA-256 of the payload's UTF-8 bytes. */
    public String hash() {
        return Sha256.hex(payload);
    }

    public boolean signatureVerifies(byte[] devicePublicKey) {
        return payload != null && Ed25519Keys.verifyBase64(devicePublicKey, payload.getBytes(StandardCharsets.UTF_8), sig);
    }

    /** The same check with a key decoded once for many records. */
    public boolean signatureVerifies(Ed25519Verifier deviceKey) {
        return payload != null && deviceKey.verifyBase64(payload.getBytes(StandardCharsets.UTF_8), sig);
    }
}
