package vn.bantin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.EndpointStatus;

class RequestSignatureTest {

    private static final long NOW = 1_764_000_000_000L;
    private static final String PATH = "/agent/v1/plays";
    private static final byte[] BODY = "{\"records\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final String NONCE = "00112233445566778899aabbccddeeff";

    private final Ed25519Keys.KeyPair device = Ed25519Keys.generate();
    private final Map<String, DeviceKey> devices = new HashMap<>();
    private final DeviceKeyLookup lookup = id -> Optional.ofNullable(devices.get(id));
    private final RequestSignature verifier = new RequestSignature(new NonceCache());

    RequestSignatureTest() {
        devices.put(device.deviceId(), new DeviceKey(device.publicKey(), EndpointStatus.ACTIVE));
    }

    private RequestSignature.Verdict send(Map<String, String> headers, String method, String path, byte[] body) {
        return verifier.verify(method, path, headers::get, body, lookup, NOW);
    }

    private Map<String, String> signed(long timestamp, String nonce) {
        return new HashMap<>(RequestSignature.sign(device, "POST", PATH, BODY, timestamp, nonce));
    }

    @Test
    @DisplayName("the string to sign is the six fields joined by newlines, no trailing newline")
    void stringToSign() {
        assertThat(RequestSignature.stringToSign("get", "/agent/v1/timeline", "ab", "1", "cd", Sha256.EMPTY))
                .isEqualTo("GET\n/agent/v1/timeline\nab\n1\ncd\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    @DisplayName("a correctly signed request passes and names the device")
    void ok() {
        assertThat(send(signed(NOW - 1000, NONCE), "POST", PATH, BODY))
                .isEqualTo(new RequestSignature.Ok(device.deviceId()));
    }

    @Test
    @DisplayName("a tampered body, another path or another method is a bad signature")
    void tampered() {
        byte[] otherBody = "{\"records\":[{}]}".getBytes(StandardCharsets.UTF_8);

        assertFailure(send(signed(NOW, NONCE), "POST", PATH, otherBody), AuthFailure.BAD_SIGNATURE);
        assertFailure(send(signed(NOW, NONCE), "POST", "/agent/v1/heartbeat", BODY), AuthFailure.BAD_SIGNATURE);
        assertFailure(send(signed(NOW, NONCE), "PUT", PATH, BODY), AuthFailure.BAD_SIGNATURE);
        Map<String, String> forged = signed(NOW, NONCE);
        forged.put(RequestSignature.SIGNATURE_HEADER, Ed25519Keys.generate().signBase64(BODY));
        assertFailure(send(forged, "POST", PATH, BODY), AuthFailure.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("a timestamp more than 300 s from server time is clock skew, either way")
    void clockSkew() {
        assertFailure(send(signed(NOW - 300_001, NONCE), "POST", PATH, BODY), AuthFailure.CLOCK_SKEW);
        assertFailure(send(signed(NOW + 300_001, NONCE), "POST", PATH, BODY), AuthFailure.CLOCK_SKEW);
        assertThat(send(signed(NOW - 300_000, NONCE), "POST", PATH, BODY).ok()).isTrue();
    }

    @Test
    @DisplayName("the same nonce twice is a replay")
    void replay() {
        Map<String, String> headers = signed(NOW, NONCE);

        assertThat(send(headers, "POST", PATH, BODY).ok()).isTrue();
        assertFailure(send(headers, "POST", PATH, BODY), AuthFailure.REPLAY);
    }

    @Test
    @DisplayName("a request whose signature fails does not burn its nonce")
    void failedRequestKeepsNonce() {
        Map<String, String> headers = signed(NOW, NONCE);

        assertFailure(send(headers, "POST", PATH, new byte[0]), AuthFailure.BAD_SIGNATURE);
        assertThat(send(headers, "POST", PATH, BODY).ok()).isTrue();
    }

    @Test
    @DisplayName("an unknown device, a pending one and a revoked one are told apart")
    void deviceStatus() {
        Ed25519Keys.KeyPair stranger = Ed25519Keys.generate();
        Map<String, String> headers = RequestSignature.sign(stranger, "POST", PATH, BODY, NOW, NONCE);
        assertFailure(send(headers, "POST", PATH, BODY), AuthFailure.UNKNOWN_DEVICE);

        devices.put(stranger.deviceId(), new DeviceKey(stranger.publicKey(), EndpointStatus.PENDING));
        assertFailure(send(headers, "POST", PATH, BODY), AuthFailure.NOT_APPROVED);

        devices.put(stranger.deviceId(), new DeviceKey(stranger.publicKey(), EndpointStatus.REVOKED));
        assertFailure(send(headers, "POST", PATH, BODY), AuthFailure.REVOKED);
    }

    @Test
    @DisplayName("missing or malformed headers are named")
    void missingHeaders() {
        Map<String, String> headers = signed(NOW, NONCE);
        headers.remove(RequestSignature.NONCE_HEADER);
        headers.remove(RequestSignature.SIGNATURE_HEADER);
        RequestSignature.Verdict verdict = send(headers, "POST", PATH, BODY);
        assertFailure(verdict, AuthFailure.MISSING_HEADERS);
        assertThat(((RequestSignature.Failed) verdict).message()).contains("X-Bantin-Nonce, X-Bantin-Signature");

        assertFailure(send(signed(NOW, "abc"), "POST", PATH, BODY), AuthFailure.MISSING_HEADERS);
        Map<String, String> badTime = signed(NOW, NONCE);
        badTime.put(RequestSignature.TIMESTAMP_HEADER, "yesterday");
        assertFailure(send(badTime, "POST", PATH, BODY), AuthFailure.MISSING_HEADERS);
    }

    @Test
    @DisplayName("enrollment checks proof of possession of the key in the body")
    void proofOfPossession() {
        Ed25519Keys.KeyPair newcomer = Ed25519Keys.generate();
        Map<String, String> headers = RequestSignature.sign(newcomer, "POST", "/agent/v1/enroll", BODY, NOW, NONCE);

        assertThat(verifier.verifyProofOfPossession("POST", "/agent/v1/enroll", headers::get, BODY,
                newcomer.publicKey(), NOW)).isEqualTo(new RequestSignature.Ok(newcomer.deviceId()));
        Map<String, String> other = RequestSignature.sign(newcomer, "POST", "/agent/v1/enroll", BODY, NOW,
                NONCE + "00");
        assertFailure(verifier.verifyProofOfPossession("POST", "/agent/v1/enroll", other::get, BODY,
                device.publicKey(), NOW), AuthFailure.BAD_SIGNATURE);
    }

    private static void assertFailure(RequestSignature.Verdict verdict, AuthFailure expected) {
        assertThat(verdict).isInstanceOfSatisfying(RequestSignature.Failed.class, failed -> {
            assertThat(failed.failure()).isEqualTo(expected);
            assertThat(failed.message()).isNotBlank();
        });
    }
}
