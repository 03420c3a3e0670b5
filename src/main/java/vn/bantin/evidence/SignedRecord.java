package vn.bantin.evidence;

import vn.bantin.security.Ed25519Keys;

import java.nio.charset.StandardCharsets;

/** A record as the device sent it: the payload text and the signature over its UTF-8 bytes. */
public record SignedRecord(String payload, String sig) {

    public String hash() {
        return Ed25519Keys.sha256Hex(payload);
    }

    public boolean verifies(byte[] publicKey) {
        byte[] signature = Ed25519Keys.decode(sig, Ed25519Keys.SIGNATURE_BYTES);
        return Ed25519Keys.verify(publicKey, payload.getBytes(StandardCharsets.UTF_8), signature);
    }
}
