package vn.bantin.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import vn.bantin.domain.EndpointStatus;

/**
 * Signs and verifies agent requests exactly as contract/README.md ("Request signing") says.
 *
 * <p>Checks run in this order: headers present and well formed, device known, signature, clock skew,
 * device status, nonce. The signature comes before the status so an unauthenticated caller learns nothing
 * about a device's status, and the nonce comes last so only authentic, in-window requests use cache memory.
 */
public final class RequestSignature {

    public static final String DEVICE_HEADER = "X-Bantin-Device";
    public static final String TIMESTAMP_HEADER = "X-Bantin-Timestamp";
    public static final String NONCE_HEADER = "X-Bantin-Nonce";
    public static final String SIGNATURE_HEADER = "X-Bantin-Signature";
    public static final String SERVER_TIME_HEADER = "X-Bantin-Server-Time";
    public static final long MAX_SKEW_MS = 300_000;

    private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern NONCE = Pattern.compile("[0-9a-fA-F]{32,128}");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

    private final NonceCache nonces;

    public RequestSignature(NonceCache nonces) {
        this.nonces = nonces;
    }

    /** The outcome of verifying one request. */
    public sealed interface Verdict permits Ok, Failed {
        default boolean ok() {
            return this instanceof Ok;
        }
    }

    public record Ok(String deviceId) implements Verdict {
    }

    /** A refusal; {@code failure.code()} goes in the 401 body, {@code message} explains it in words. */
    public record Failed(AuthFailure failure, String message) implements Verdict {
        public String code() {
            return failure.code();
        }
    }

    /** The contract's string to sign: six fields joined by '\n', no trailing newline. */
    public static String stringToSign(String method, String pathWithQuery, String deviceId, String timestamp,
                                      String nonce, String bodySha256Hex) {
        return String.join("\n", method.toUpperCase(Locale.ROOT), pathWithQuery, deviceId, timestamp,
                nonce, bodySha256Hex);
    }

    /** Headers for a request signed by {@code key}: what an agent sends. Used by tests and tools. */
    public static Map<String, String> sign(Ed25519Keys.KeyPair key, String method, String pathWithQuery,
                                           byte[] body, long timestampMs, String nonce) {
        String deviceId = key.deviceId();
        String timestamp = Long.toString(timestampMs);
        String toSign = stringToSign(method, pathWithQuery, deviceId, timestamp, nonce, Sha256.hex(body));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(DEVICE_HEADER, deviceId);
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(NONCE_HEADER, nonce);
        headers.put(SIGNATURE_HEADER, key.signBase64(toSign.getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    /**
     * Verifies a request from an enrolled device.
     *
     * @param header returns a header's value by name (case-insensitive lookup is the caller's), or null
     * @param body the exact body bytes; empty for a request without a body
     */
    public Verdict verify(String method, String pathWithQuery, UnaryOperator<String> header, byte[] body,
                          DeviceKeyLookup lookup, long nowMs) {
        return verify(method, pathWithQuery, header, body, lookup, nowMs, true);
    }

    /**
     * Verifies an enrollment request: the signature is checked with the public key from the body (proof of
     * possession), the device id header must derive from that key, and no device status is consulted.
     */
    public Verdict verifyProofOfPossession(String method, String pathWithQuery, UnaryOperator<String> header,
                                           byte[] body, byte[] publicKey, long nowMs) {
        String expectedId = Ed25519Keys.deviceId(publicKey);
        DeviceKeyLookup fromBody = id -> id.equals(expectedId)
                ? Optional.of(new DeviceKey(publicKey, EndpointStatus.PENDING))
                : Optional.empty();
        Verdict verdict = verify(method, pathWithQuery, header, body, fromBody, nowMs, false);
        if (verdict instanceof Failed failed && failed.failure() == AuthFailure.UNKNOWN_DEVICE) {
            return new Failed(AuthFailure.BAD_SIGNATURE,
                    DEVICE_HEADER + " is not the device id of the public key in the body (expected " + expectedId + ")");
        }
        return verdict;
    }

    private Verdict verify(String method, String pathWithQuery, UnaryOperator<String> header, byte[] body,
                           DeviceKeyLookup lookup, long nowMs, boolean checkStatus) {
        String deviceId = header.apply(DEVICE_HEADER);
        String timestamp = header.apply(TIMESTAMP_HEADER);
        String nonce = header.apply(NONCE_HEADER);
        String signature = header.apply(SIGNATURE_HEADER);
        Failed malformed = checkHeaders(deviceId, timestamp, nonce, signature);
        if (malformed != null) {
            return malformed;
        }
        Optional<DeviceKey> device = lookup.find(deviceId);
        if (device.isEmpty()) {
            return new Failed(AuthFailure.UNKNOWN_DEVICE, "device " + deviceId + " is not enrolled here");
        }
        String toSign = stringToSign(method, pathWithQuery, deviceId, timestamp, nonce, Sha256.hex(body));
        if (!Ed25519Keys.verifyBase64(device.get().publicKey(), toSign.getBytes(StandardCharsets.UTF_8), signature)) {
            return new Failed(AuthFailure.BAD_SIGNATURE, "the request signature does not verify with the key of device "
                    + deviceId + " (method, path, body, timestamp and nonce must be signed exactly as sent)");
        }
        long timestampMs = Long.parseLong(timestamp);
        long skew = timestampMs - nowMs;
        if (Math.abs(skew) > MAX_SKEW_MS) {
            return new Failed(AuthFailure.CLOCK_SKEW, "timestamp is " + Math.abs(skew) / 1000 + " s "
                    + (skew < 0 ? "behind" : "ahead of") + " server time (limit " + MAX_SKEW_MS / 1000
                    + " s); correct the clock offset with " + SERVER_TIME_HEADER + " and retry");
        }
        if (checkStatus) {
            Failed refused = checkStatus(deviceId, device.get().status());
            if (refused != null) {
                return refused;
            }
        }
        return switch (nonces.checkAndRemember(deviceId, nonce, timestampMs, nowMs)) {
            case FRESH -> new Ok(deviceId);
            case REPLAY -> new Failed(AuthFailure.REPLAY, "nonce " + nonce + " was already used by this device");
            case FULL -> new Failed(AuthFailure.REPLAY, "too many requests from this device within "
                    + MAX_SKEW_MS / 1000 + " s; nonce not accepted");
        };
    }

    private static Failed checkHeaders(String deviceId, String timestamp, String nonce, String signature) {
        StringBuilder missing = new StringBuilder();
        appendIfMissing(missing, DEVICE_HEADER, deviceId);
        appendIfMissing(missing, TIMESTAMP_HEADER, timestamp);
        appendIfMissing(missing, NONCE_HEADER, nonce);
        appendIfMissing(missing, SIGNATURE_HEADER, signature);
        if (!missing.isEmpty()) {
            return new Failed(AuthFailure.MISSING_HEADERS, "missing header(s): " + missing);
        }
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            return new Failed(AuthFailure.MISSING_HEADERS, DEVICE_HEADER + " must be 32 lower-case hex characters");
        }
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            return new Failed(AuthFailure.MISSING_HEADERS, TIMESTAMP_HEADER + " must be epoch milliseconds");
        }
        if (!NONCE.matcher(nonce).matches()) {
            return new Failed(AuthFailure.MISSING_HEADERS, NONCE_HEADER + " must be 16 to 64 random bytes in hex");
        }
        return null;
    }

    private static void appendIfMissing(StringBuilder missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.append(missing.isEmpty() ? "" : ", ").append(name);
        }
    }

    private static Failed checkStatus(String deviceId, EndpointStatus status) {
        return switch (status) {
            case ACTIVE -> null;
            case PENDING -> new Failed(AuthFailure.NOT_APPROVED,
                    "device " + deviceId + " is waiting for an administrator to approve it");
            case REVOKED -> new Failed(AuthFailure.REVOKED, "device " + deviceId + " has been revoked");
            case UNENROLLED -> new Failed(AuthFailure.UNKNOWN_DEVICE, "device " + deviceId + " is not enrolled here");
        };
    }
}
