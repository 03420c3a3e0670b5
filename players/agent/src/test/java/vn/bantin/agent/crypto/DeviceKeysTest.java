package vn.bantin.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceKeysTest {

    @TempDir
    Path state;

    @Test
    void keyIsMadeOnceKeptPrivateAndReloaded() throws Exception {
        DeviceKeys first = DeviceKeys.loadOrCreate(state);
        DeviceKeys again = DeviceKeys.loadOrCreate(state);

        assertThat(again.rawPublicKey()).isEqualTo(first.rawPublicKey()).hasSize(32);
        assertThat(again.deviceId()).isEqualTo(first.deviceId());
        try (var files = Files.list(state)) {
            files.forEach(f -> assertThat(uncheckedPerms(f)).isEqualTo("rw-------"));
        }
    }

    @Test
    void deviceIdIsFirst32HexOfSha256OfRawKey() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);

        assertThat(keys.deviceId()).isEqualTo(Hashes.sha256Hex(keys.rawPublicKey()).substring(0, 32));
        assertThat(Base64.getDecoder().decode(keys.publicKeyBase64())).isEqualTo(keys.rawPublicKey());
    }

    @Test
    void signatureVerifiesWithTheJdkVerifierFromTheRawKey() throws Exception {
        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        byte[] data = "Bản tin sáng".getBytes(StandardCharsets.UTF_8);
        String sig = keys.signBase64(data);

        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(Ed25519.publicKey(keys.rawPublicKey()));
        verifier.update(data);
        assertThat(verifier.verify(Base64.getDecoder().decode(sig))).isTrue();
        assertThat(Ed25519.verify(keys.rawPublicKey(), data, sig)).isTrue();
        assertThat(Ed25519.verify(keys.rawPublicKey(), "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(Ed25519.verify(keys.rawPublicKey(), data, "not base64!")).isFalse();
    }

    private static String uncheckedPerms(Path f) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
