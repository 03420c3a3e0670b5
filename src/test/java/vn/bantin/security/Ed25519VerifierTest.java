package vn.bantin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Ed25519VerifierTest {

    private static final byte[] MESSAGE = "{\"seq\":1,\"outcome\":\"PLAYED\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("a key decoded once accepts and refuses exactly what Ed25519Keys.verify does")
    void sameVerdicts() {
        Ed25519Keys.KeyPair key = Ed25519Keys.generate();
        Ed25519Verifier verifier = Ed25519Verifier.of(key.publicKey());
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] message = (i + ":" + new String(MESSAGE, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            byte[] signature = key.sign(message);
            if (i % 3 == 1) {
                message[random.nextInt(message.length)] ^= (byte) (1 + random.nextInt(255));
            } else if (i % 3 == 2) {
                signature[random.nextInt(signature.length)] ^= (byte) (1 + random.nextInt(255));
            }
            assertThat(verifier.verify(message, signature)).as("case " + i)
                    .isEqualTo(Ed25519Keys.verify(key.publicKey(), message, signature)).isEqualTo(i % 3 == 0);
        }
    }

    @Test
    @DisplayName("another key, a key of the wrong length or off the curve, bad base64: refused, never thrown")
    void refusals() {
        Ed25519Keys.KeyPair key = Ed25519Keys.generate();
        byte[] signature = key.sign(MESSAGE);
        String base64 = Base64.getEncoder().encodeToString(signature);

        assertThat(Ed25519Verifier.of(key.publicKey()).verifyBase64(MESSAGE, base64)).isTrue();
        assertThat(Ed25519Verifier.of(Ed25519Keys.generate().publicKey()).verify(MESSAGE, signature)).isFalse();
        assertThat(Ed25519Verifier.of(new byte[31]).verify(MESSAGE, signature)).isFalse();
        assertThat(Ed25519Verifier.of(null).verify(MESSAGE, signature)).isFalse();
        byte[] offCurve = new byte[32];
        offCurve[0] = 2; // y = 2 is not the y of any point of edwards25519
        assertThat(Ed25519Keys.verify(offCurve, MESSAGE, signature)).isFalse();
        assertThat(Ed25519Verifier.of(offCurve).verify(MESSAGE, signature)).isFalse();
        assertThat(Ed25519Verifier.of(key.publicKey()).verifyBase64(MESSAGE, "not base64!")).isFalse();
        assertThat(Ed25519Verifier.of(key.publicKey()).verifyBase64(MESSAGE, null)).isFalse();
        assertThat(Ed25519Verifier.of(key.publicKey()).verify(MESSAGE, new byte[63])).isFalse();
    }
}
