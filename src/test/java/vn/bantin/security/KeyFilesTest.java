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
    @DisplayName("no admin token is ever generated; a hash file from an earlier install is still honoured")
    void existingAdminTokenHash() throws Exception {
        assertThat(AdminCredential.loadExisting(dataDir)).isEmpty();
        assertThat(Files.exists(AdminCredential.path(dataDir))).isFalse();

        Files.createDirectories(AdminCredential.path(dataDir).getParent());
        Files.writeString(AdminCredential.path(dataDir), Sha256.hex("an-older-generated-token") + "\n");
        AdminCredential credential = AdminCredential.loadExisting(dataDir).orElseThrow();

        assertThat(credential.matches("an-older-generated-token")).isTrue();
        assertThat(credential.matches("an-older-generated-token-")).isFalse();
        assertThat(credential.matches(null)).isFalse();
    }

    @Test
    @DisplayName("an admin token file is read without its line end; the setup token file is private and single")
    void tokenFiles() throws Exception {
        Path tokenFile = dataDir.resolve("admin.token");
        Files.writeString(tokenFile, "file-token-0123456789\n");
        assertThat(AdminCredential.fromFile(tokenFile).matches("file-token-0123456789")).isTrue();

        SetupTokenFile setup = new SetupTokenFile(dataDir);
        setup.ensure();
        String token = Files.readString(setup.path()).strip();
        setup.ensure();

        assertThat(Files.readString(setup.path()).strip()).isEqualTo(token).hasSize(43);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(setup.path()))).isEqualTo("rw-------");
        assertThat(setup.matches(token)).isTrue();
        assertThat(setup.matches(token + "x")).isFalse();
        setup.delete();
        assertThat(setup.matches(token)).isFalse();
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
