package vn.bantin.security;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** The contract's request signing: headers, string to sign, and verification of one request. */
public final class RequestSignature {

    public static final String DEVICE = "X-Bantin-Device";
    public static final String TIMESTAMP = "X-Bantin-Timestamp";
    public static final String NONCE = "X-Bantin-Nonce";
    public static final String SIGNATURE = "X-Bantin-Signature";

    /** What the headers of a request say: either its signed facts or why they are unusable. */
    public sealed interface Headers permits Failure, Signed {
    }

    /** Why a request was refused: the contract's code and words for the operator's log. */
    public record Failure(String code, String message) implements Headers {
    }

    /** The signed facts of a request, once its headers are present and well formed. */
    public record Signed(String deviceId, long timestamp, String nonce, byte[] signature) implements Headers {
    }

    private RequestSignature() {
    }

    public static String stringToSign(String method, String pathWithQuery, String deviceId, long timestamp,
                                      String nonce, byte[] body) {
        return String.join("\n", method.toUpperCase(), pathWithQuery, deviceId, Long.toString(timestamp), nonce,
                Ed25519Keys.sha256Hex(body == null ? new byte[0] : body));
    }

    /** Reads the four headers; a Failure when one is missing or malformed. */
    public static Headers read(Function<String, String> headers) {
        String device = headers.apply(DEVICE);
        String ts = headers.apply(TIMESTAMP);
        String nonce = headers.apply(NONCE);
        byte[] sig = Ed25519Keys.decode(headers.apply(SIGNATURE), Ed25519Keys.SIGNATURE_BYTES);
        if (device == null || ts == null || nonce == null || sig == null) {
            return new Failure("missing_headers", "Missing or malformed X-Bantin-* signature headers");
        }
        if (!nonce.matches("[0-9a-fA-F]{32,128}")) {
            return new Failure("missing_headers", "X-Bantin-Nonce must be 16 to 64 random bytes in hex");
        }
        try {
            return new Signed(device, Long.parseLong(ts.trim()), nonce, sig);
        } catch (NumberFormatException e) {
            return new Failure("missing_headers", "X-Bantin-Timestamp must be epoch milliseconds");
        }
    }

    /** Checks signature, clock window and nonce; null when the request is authentic and fresh. */
    public static Failure check(Signed signed, byte[] publicKey, String method, String pathWithQuery, byte[] body,
                                NonceCache nonces, long nowMs) {
        byte[] message = stringToSign(method, pathWithQuery, signed.deviceId(), signed.timestamp(), signed.nonce(),
                body).getBytes(StandardCharsets.UTF_8);
        if (!Ed25519Keys.verify(publicKey, message, signed.signature())) {
            return new Failure("bad_signature", "Request signature does not verify with the device key");
        }
        if (Math.abs(nowMs - signed.timestamp()) > NonceCache.WINDOW_MS) {
            return new Failure("clock_skew", "Request timestamp is more than 300 s from server time; correct the"
                    + " clock offset with X-Bantin-Server-Time and retry");
        }
        if (!nonces.firstUse(signed.deviceId(), signed.nonce(), nowMs)) {
            return new Failure("replay", "This request was already received (nonce reused)");
        }
        return null;
    }
}
