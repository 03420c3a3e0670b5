package vn.bantin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimelineSignerTest {

    private static final byte[] BODY = "{\"entries\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("the signature covers the exact body bytes and verifies with the controller key")
    void signs() {
        Ed25519Keys.KeyPair controller = Ed25519Keys.generate();
        String signature = new TimelineSigner(controller).sign(BODY);

        assertThat(Ed25519Keys.verifyBase64(controller.publicKey(), BODY, signature)).isTrue();
        assertThat(Ed25519Keys.verifyBase64(controller.publicKey(), "{\"entries\":[] }".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
    }

    @Test
    @DisplayName("the ETag is the quoted hex SHA-256 of the body; If-None-Match lists, * and weak tags match")
    void etag() {
        String etag = TimelineSigner.etag(BODY);

        assertThat(etag).isEqualTo("\"" + Sha256.hex(BODY) + "\"");
        assertThat(TimelineSigner.notModified(etag, etag)).isTrue();
        assertThat(TimelineSigner.notModified("\"other\", W/" + etag, etag)).isTrue();
        assertThat(TimelineSigner.notModified("*", etag)).isTrue();
        assertThat(TimelineSigner.notModified("\"other\"", etag)).isFalse();
        assertThat(TimelineSigner.notModified(null, etag)).isFalse();
    }
}
