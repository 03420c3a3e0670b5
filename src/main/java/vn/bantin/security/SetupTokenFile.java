package vn.bantin.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The one-time setup token in {@code <dataDir>/keys/setup.token} (mode 0600): whoever can read the
 * controller's data directory on the server can make the first admin. Its value is never logged.
 */
public final class SetupTokenFile {

    public static final String FILE_NAME = "setup.token";

    private final Path file;

    public SetupTokenFile(Path dataDir) {
        this.file = dataDir.resolve(ControllerKeyFile.KEYS_DIR).resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** Writes a fresh token unless one is already waiting. */
    public void ensure() {
        if (Files.isRegularFile(file)) {
            return;
        }
        try {
            SecureFiles.writeAtomically(file, (Secrets.newToken() + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the setup token file " + file, e);
        }
    }

    public boolean matches(String presented) {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            byte[] expected = Sha256.digest(Files.readString(file, StandardCharsets.US_ASCII).strip()
                    .getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, Sha256.digest(presented.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
