package vn.bantin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] MESSAGE = "Bản tin sáng 06:00".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("sign then verify; a changed message or another key does not verify")
    void roundTrip() {
        Ed25519Keys.KeyPair key = Ed25519Keys.generate();
        byte[] signature = key.sign(MESSAGE);

        assertThat(signature).hasSize(64);
        assertThat(Ed25519Keys.verify(key.publicKey(), MESSAGE, signature)).isTrue();
        byte[] changed = MESSAGE.clone();
        changed[0] ^= 1;
        assertThat(Ed25519Keys.verify(key.publicKey(), changed, signature)).isFalse();
        assertThat(Ed25519Keys.verify(Ed25519Keys.generate().publicKey(), MESSAGE, signature)).isFalse();
        assertThat(Ed25519Keys.verifyBase64(key.publicKey(), MESSAGE, "not base64!")).isFalse();
        assertThat(Ed25519Keys.verify(new byte[31], MESSAGE, signature)).isFalse();
    }

    @Test
    @DisplayName("RFC 8032 test vector 1 (empty message)")
    void rfc8032Vector() {
        HexFormat hex = HexFormat.of();
        Ed25519Keys.KeyPair key = Ed25519Keys.fromSeed(
                hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertThat(hex.formatHex(key.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(hex.formatHex(key.sign(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    @DisplayName("the JDK provider signs and BouncyCastle verifies")
    void jdkSignsBouncyCastleVerifies() throws Exception {
        java.security.KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(jdk.getPrivate());
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        byte[] encoded = jdk.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);

        assertThat(Ed25519Keys.verify(raw, MESSAGE, signature)).isTrue();
    }

    @Test
    @DisplayName("BouncyCastle signs and the JDK provider verifies; same seed gives the same signature")
    void bouncyCastleSignsJdkVerifies() throws Exception {
        Ed25519Keys.KeyPair key = Ed25519Keys.generate();
        byte[] signature = key.sign(MESSAGE);
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        byte[] x509 = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
        System.arraycopy(key.publicKey(), 0, x509, X509_PREFIX.length, 32);
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(x509));
        PrivateKey privateKey = factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, key.seed()));

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        assertThat(verifier.verify(signature)).isTrue();

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(MESSAGE);
        assertThat(signer.sign()).isEqualTo(signature);
    }

    @Test
    @DisplayName("deviceId is the first 32 hex characters of SHA-256 of the raw public key")
    void deviceId() {
        byte[] publicKey = new byte[32];
        Arrays.fill(publicKey, (byte) 0x11);

        assertThat(Ed25519Keys.deviceId(publicKey)).isEqualTo(Sha256.hex(publicKey).substring(0, 32)).hasSize(32);
        assertThat(Ed25519Keys.deviceId(new byte[32])).isEqualTo("66687aadf862bd776c8fc18b8e9f8e20");
        assertThatThrownBy(() -> Ed25519Keys.deviceId(new byte[33])).hasMessageContaining("32 bytes");
    }

    @Test
    @DisplayName("base64 helpers use standard base64 with padding and refuse garbage plainly")
    void base64() {
        assertThat(Ed25519Keys.base64(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("+/8=");
        assertThat(Ed25519Keys.fromBase64("+/8=")).containsExactly(0xfb, 0xff);
        assertThatThrownBy(() -> Ed25519Keys.fromBase64("%%")).hasMessage("not valid base64");
        assertThatThrownBy(() -> Ed25519Keys.publicKeyFromBase64("AAAA")).hasMessageContaining("32 bytes");
    }
}
