package vn.bantin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The controller's signing key, made on first start and kept in keys/controller.key (base64 seed, 0600). */
public final class ControllerKeyFile {

    static final String FILE = "controller.key";

    private ControllerKeyFile() {
    }

    public static SigningKey loadOrCreate(Path keysDir) throws IOException {
        Path file = keysDir.resolve(FILE);
        if (Files.exists(file)) {
            byte[] seed = Ed25519Keys.decode(Files.readString(file, StandardCharsets.US_ASCII),
                    Ed25519Keys.KEY_BYTES);
            if (seed == null) {
                throw new IOException("Controller key " + file + " is damaged; restore it from backup"
                        + " (agents have pinned its public key)");
            }
            return new SigningKey(seed);
        }
        byte[] seed = Ed25519Keys.newPrivateKey();
        SecretFiles.write(file, Ed25519Keys.encode(seed).getBytes(StandardCharsets.US_ASCII));
        return new SigningKey(seed);
    }
}
