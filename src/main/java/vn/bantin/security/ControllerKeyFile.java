package vn.bantin.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The controller's timeline signing key, kept as the base64 of its 32-byte private seed in
 * {@code <dataDir>/keys/controller.key} (mode 0600). Created on first start; never overwritten afterwards,
 * because every enrolled agent has pinned the public key.
 */
public final class ControllerKeyFile {

    public static final String KEYS_DIR = "keys";
    public static final String FILE_NAME = "controller.key";

    private ControllerKeyFile() {
    }

    public static Path path(Path dataDir) {
        return dataDir.resolve(KEYS_DIR).resolve(FILE_NAME);
    }

    /** Loads the key, or makes and saves a new one when the file does not exist yet. */
    public static Ed25519Keys.KeyPair loadOrCreate(Path dataDir) {
        Path file = path(dataDir);
        try {
            if (Files.exists(file)) {
                return load(file);
            }
            Ed25519Keys.KeyPair key = Ed25519Keys.generate();
            String text = Ed25519Keys.base64(key.seed()) + "\n";
            SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the controller key " + file, e);
        }
    }

    private static Ed25519Keys.KeyPair load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Ed25519Keys.fromSeed(Ed25519Keys.fromBase64(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the controller key " + file + " is damaged (" + e.getMessage()
                    + "); restore it from backup — a new key would make every enrolled agent refuse its timeline", e);
        }
    }
}
