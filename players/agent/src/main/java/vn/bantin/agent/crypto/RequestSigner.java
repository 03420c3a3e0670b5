package vn.bantin.agent.crypto;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the X-Bantin-* headers of the contract for one request. */
public final class RequestSigner {

    private final DeviceKeys keys;
    private final SecureRandom random = new SecureRandom();

    public RequestSigner(DeviceKeys keys) {
        this.keys = keys;
    }

    public Map<String, String> headers(String method, String pathWithQuery, byte[] body, long timestamp) {
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        String toSign = stringToSign(method, pathWithQuery, keys.deviceId(), timestamp, nonce, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Bantin-Device", keys.deviceId());
        headers.put("X-Bantin-Timestamp", Long.toString(timestamp));
        headers.put("X-Bantin-Nonce", nonce);
        headers.put("X-Bantin-Signature", keys.signBase64(toSign));
        return headers;
    }

    public static String stringToSign(String method, String pathWithQuery, String deviceId, long timestamp,
                                      String nonce, byte[] body) {
        return String.join("\n", method.toUpperCase(java.util.Locale.ROOT), pathWithQuery, deviceId,
                Long.toString(timestamp), nonce, Hashes.sha256Hex(body == null ? new byte[0] : body));
    }
}
