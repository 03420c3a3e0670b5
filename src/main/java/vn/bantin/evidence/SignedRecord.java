package vn.bantin.evidence;

import java.nio.charset.StandardCharsets;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.Ed25519Verifier;
import vn.bantin.security.Sha256;

/** A play record as the device sent it: the payload string and the base64 device signature over its UTF-8 bytes. */
public record SignedRecord(String payload, String sig) {

    /** Hex SHA-256 of the payload's UTF-8 bytes: a record's identity, and its chain hash under chain rule 1. */
    public String payloadHash() {
        return Sha256.hex(payload);
    }

    /**
     * The hash the next record names in its {@code prevHash} (contract: payload field {@code chain}). Rule 1: the
     * payload hash. Rule 2: hex SHA-256 of the payload hash, a newline and the signature as sent, so a signature
     * over a later record also vouches for this record's signature (the fixed-length first part keeps the two
     * apart).
     */
    public String chainHash(int chainRule) {
        return chainRule >= PlayRecordPayload.CHAIN_SIGNED ? Sha256.hex(payloadHash() + "\n" + sig) : payloadHash();
    }

    public boolean signatureVerifies(byte[] devicePublicKey) {
        return payload != null && Ed25519Keys.verifyBase64(devicePublicKey, payload.getBytes(StandardCharsets.UTF_8), sig);
    }

    /** The same check with a key decoded once for many records. */
    public boolean signatureVerifies(Ed25519Verifier deviceKey) {
        return payload != null && deviceKey.verifyBase64(payload.getBytes(StandardCharsets.UTF_8), sig);
    }
}
