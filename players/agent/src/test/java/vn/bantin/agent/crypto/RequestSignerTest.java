package vn.bantin.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSignerTest {

    @TempDir
    Path state;

    @Test
    void stringToSignIsTheSixContractFieldsJoinedByNewline() {
        String s = RequestSigner.stringToSign("post", "/agent/v1/plays?x=1", "abc", 1764000000000L, "00ff",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(s).isEqualTo("POST\n/agent/v1/plays?x=1\nabc\n1764000000000\n00ff\n"
                + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void emptyBodyHashesTheEmptyString() {
        String s = RequestSigner.stringToSign("GET", "/agent/v1/timeline", "abc", 1L, "n", null);

        assertThat(s).endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void headersCarryAVerifyingSignatureAndAFreshNonce() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        RequestSigner signer = new RequestSigner(keys);
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        Map<String, String> h = signer.headers("POST", "/agent/v1/heartbeat", body, 42L);
        Map<String, String> h2 = signer.headers("POST", "/agent/v1/heartbeat", body, 42L);

        assertThat(h.get("X-Bantin-Device")).isEqualTo(keys.deviceId());
        assertThat(h.get("X-Bantin-Timestamp")).isEqualTo("42");
        assertThat(h.get("X-Bantin-Nonce")).matches("[0-9a-f]{32}").isNotEqualTo(h2.get("X-Bantin-Nonce"));
        String expected = RequestSigner.stringToSign("POST", "/agent/v1/heartbeat", keys.deviceId(), 42L,
                h.get("X-Bantin-Nonce"), body);
        assertThat(Ed25519.verify(keys.rawPublicKey(), expected.getBytes(StandardCharsets.UTF_8),
                h.get("X-Bantin-Signature"))).isTrue();
    }
}
