package vn.bantin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("the controller key is created once with mode 0600 and loaded unchanged afterwards")
    void controllerKey() throws Exception {
        Ed25519Keys.KeyPair first = ControllerKeyFile.loadOrCreate(dataDir);
        Ed25519Keys.KeyPair second = ControllerKeyFile.loadOrCreate(dataDir);
        Path file = ControllerKeyFile.path(dataDir);

        assertThat(second.publicKey()).isEqualTo(first.publicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).allMatch(p -> !p.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    @DisplayName("a damaged controller key is refused, never replaced")
    void damagedControllerKey() throws Exception {
        Path file = ControllerKeyFile.path(dataDir);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "garbage");

        assertThatThrownBy(() -> ControllerKeyFile.loadOrCreate(dataDir)).hasMessageContaining("damaged");
        assertThat(Files.readString(file)).isEqualTo("garbage");
    }

    @Test
    @DisplayName("the admin token is shown once, stored only as a hash, and matched afterwards")
    void adminToken() throws Exception {
        AdminCredential.Loaded created = AdminCredential.loadOrCreate(dataDir);
        String token = created.newToken().orElseThrow();
        AdminCredential.Loaded reloaded = AdminCredential.loadOrCreate(dataDir);
        String stored = Files.readString(AdminCredential.path(dataDir));

        assertThat(token).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(reloaded.newToken()).isEmpty();
        assertThat(stored).doesNotContain(token).isEqualToIgnoringNewLines(Sha256.hex(token));
        assertThat(reloaded.credential().matches(token)).isTrue();
        assertThat(reloaded.credential().matches(token + "x")).isFalse();
        assertThat(reloaded.credential().matches(null)).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(AdminCredential.path(dataDir))))
                .isEqualTo("rw-------");
    }

    @Test
    @DisplayName("a configured admin token works and must not be short")
    void configuredToken() {
        AdminCredential credential = AdminCredential.fromConfigured("demo-token-0123456789");

        assertThat(credential.matches("demo-token-0123456789")).isTrue();
        assertThat(credential.matches("demo-token-012345678")).isFalse();
        assertThatThrownBy(() -> AdminCredential.fromConfigured("short")).hasMessageContaining("at least 16");
    }
}
