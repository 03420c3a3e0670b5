package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.crypto.RequestSigner;

/** Device identity and request signing against test-keys.json and signed-request.json. */
class IdentityAndSigningContractTest {

    @TempDir
    Path state;

    @Test
    void deviceIdFromTheTestPublicKeyIsTheExamplesOne() throws Exception {
        DeviceKeys keys = Contract.deviceKeys(state);

        assertThat(keys.rawPublicKey()).isEqualTo(Contract.devicePublicKey()).hasSize(32);
        assertThat(keys.publicKeyBase64()).isEqualTo(Contract.json("enroll-request.json").get("publicKey"));
        assertThat(keys.deviceId()).isEqualTo(Contract.deviceId())
                .isEqualTo(Contract.json("timeline.json").get("deviceId"))
                .isEqualTo(Contract.json("enroll-response.json").get("deviceId"));
        // the same rule without DeviceKeys: first 32 hex of SHA-256 of the raw key, with the agent's hashing
        assertThat(Hashes.sha256Hex(Contract.devicePublicKey()).substring(0, 32)).isEqualTo(Contract.deviceId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void signingReproducesSignedRequestExactly() throws Exception {
        Map<String, Object> example = Contract.json("signed-request.json");
        Map<String, String> headers = (Map<String, String>) example.get("headers");
        byte[] body = Contract.bytes((String) example.get("bodyFile"));
        DeviceKeys keys = Contract.deviceKeys(state);

        assertThat(Hashes.sha256Hex(body)).isEqualTo(example.get("bodySha256"));
        // RequestSigner.headers draws its own nonce, so the fixed example goes through its string-to-sign
        // builder and the agent's DeviceKeys signing (Ed25519 is deterministic: same bytes expected)
        String toSign = RequestSigner.stringToSign((String) example.get("method"),
                (String) example.get("pathWithQuery"), keys.deviceId(),
                Long.parseLong(headers.get("X-Bantin-Timestamp")), headers.get("X-Bantin-Nonce"), body);
        assertThat(toSign).isEqualTo(example.get("stringToSign"));
        assertThat(keys.deviceId()).isEqualTo(headers.get("X-Bantin-Device"));
        assertThat(keys.signBase64(toSign)).isEqualTo(headers.get("X-Bantin-Signature"));
        // lower-case method in, upper-case out
        assertThat(RequestSigner.stringToSign("post", (String) example.get("pathWithQuery"), keys.deviceId(),
                Long.parseLong(headers.get("X-Bantin-Timestamp")), headers.get("X-Bantin-Nonce"), body))
                .isEqualTo(example.get("stringToSign"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void signerHeadersHaveTheContractNamesAndVerify() throws Exception {
        Map<String, Object> example = Contract.json("signed-request.json");
        Map<String, String> expected = (Map<String, String>) example.get("headers");
        byte[] body = Contract.bytes("enroll-request.json");
        DeviceKeys keys = Contract.deviceKeys(state);
        long timestamp = Long.parseLong(expected.get("X-Bantin-Timestamp"));

        Map<String, String> headers = new RequestSigner(keys).headers("POST", "/agent/v1/enroll", body, timestamp);

        assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(headers.get("X-Bantin-Device")).isEqualTo(expected.get("X-Bantin-Device"));
        assertThat(headers.get("X-Bantin-Timestamp")).isEqualTo(expected.get("X-Bantin-Timestamp"));
        assertThat(headers.get("X-Bantin-Nonce")).matches("[0-9a-f]{32,}");
        String toSign = RequestSigner.stringToSign("POST", "/agent/v1/enroll", keys.deviceId(), timestamp,
                headers.get("X-Bantin-Nonce"), body);
        assertThat(Base64.getDecoder().decode(headers.get("X-Bantin-Signature"))).hasSize(64);
        assertThat(Ed25519.verify(Contract.devicePublicKey(), toSign.getBytes(StandardCharsets.UTF_8),
                headers.get("X-Bantin-Signature"))).isTrue();
        // a GET without a body hashes the empty string
        assertThat(RequestSigner.stringToSign("GET", "/agent/v1/timeline", keys.deviceId(), timestamp, "00", null))
                .endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
