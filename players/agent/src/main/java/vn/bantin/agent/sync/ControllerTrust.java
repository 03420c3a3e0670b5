package vn.bantin.agent.sync;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import vn.bantin.agent.crypto.Hashes;

/**
 * What the installer told the agent about its controller before it ever connected: the controller key itself
 * ({@code controller.key}) or its fingerprint ({@code controller.key.fingerprint}, from the enrollment code's
 * installer text or QR). The agent never trusts a key on first use: an enroll answer naming a key that matches
 * neither is refused.
 */
public final class ControllerTrust {

    private static final int FINGERPRINT_HEX = 32;

    private final byte[] key;
    private final String fingerprint;

    private ControllerTrust(byte[] key, String fingerprint) {
        this.key = key;
        this.fingerprint = fingerprint;
    }

    /** From the config values (null or blank when not given); throws IllegalArgumentException on a malformed one. */
    public static ControllerTrust of(String keyBase64, String fingerprintText) {
        byte[] key = null;
        if (keyBase64 != null && !keyBase64.isBlank()) {
            try {
                key = Base64.getDecoder().decode(keyBase64.trim());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("controller.key must be the base64 of the controller's raw 32-byte"
                        + " public key");
            }
        }
        String fingerprint = null;
        if (fingerprintText != null && !fingerprintText.isBlank()) {
            fingerprint = fingerprintText.replaceAll("[\\s:-]", "").toLowerCase(Locale.ROOT);
            if (!fingerprint.matches("[0-9a-f]{" + FINGERPRINT_HEX + "}")) {
                throw new IllegalArgumentException("controller.key.fingerprint must be " + FINGERPRINT_HEX
                        + " hex characters (spaces and dashes allowed), as the enrollment code's installer text gives it");
            }
        }
        return new ControllerTrust(key, fingerprint);
    }

    /** The contract's fingerprint: the first 32 hex characters of SHA-256 of the raw key. */
    public static String fingerprint(byte[] rawKey) {
        return Hashes.sha256Hex(rawKey).substring(0, FINGERPRINT_HEX);
    }

    public boolean configured() {
        return key != null || fingerprint != null;
    }

    /** The pre-installed controller key, or null. */
    public byte[] preinstalledKey() {
        return key == null ? null : key.clone();
    }

    /** Null when the controller key the answer names is the one the installer gave; else why it is refused. */
    public String refusal(byte[] offered) {
        if (!configured()) {
            return "no controller.key.fingerprint or controller.key is configured, and a controller key is never"
                    + " trusted on first use";
        }
        if (key != null && !Arrays.equals(key, offered)) {
            return "it is not the pre-installed controller.key";
        }
        if (fingerprint != null && !fingerprint.equals(fingerprint(offered))) {
            return "its fingerprint " + fingerprint(offered) + " is not the configured controller.key.fingerprint "
                    + fingerprint;
        }
        return null;
    }
}
