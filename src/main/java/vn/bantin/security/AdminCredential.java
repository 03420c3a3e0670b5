package vn.bantin.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The administrator's bearer token. On first start a random token is made, only its SHA-256 is stored in
 * {@code <dataDir>/keys/admin.token.sha256}, and the plain token is handed back once so it can be printed.
 *
 * <p>A plain SHA-256 (no salt, no slow KDF) is enough here: the token is 32 random bytes, so there is no
 * dictionary to try and 2^256 guesses to make; slow hashing only matters for low-entropy human passwords.
 * A configured token (demo, tests) must be at least {@value #MIN_CONFIGURED_LENGTH} characters.
 */
public final class AdminCredential {

    public static final String FILE_NAME = "admin.token.sha256";
    public static final int MIN_CONFIGURED_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] tokenHash;

    private AdminCredential(byte[] tokenHash) {
        this.tokenHash = tokenHash;
    }

    /** The credential, plus the plain token when it was just created (to show once, never again). */
    public record Loaded(AdminCredential credential, Optional<String> newToken) {
    }

    public static Path path(Path dataDir) {
        return dataDir.resolve(ControllerKeyFile.KEYS_DIR).resolve(FILE_NAME);
    }

    public static Loaded loadOrCreate(Path dataDir) {
        Path file = path(dataDir);
        try {
            if (Files.exists(file)) {
                return new Loaded(new AdminCredential(readHash(file)), Optional.empty());
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            byte[] hash = hash(token);
            SecureFiles.writeAtomically(file, (HexFormat.of().formatHex(hash) + "\n").getBytes(StandardCharsets.US_ASCII));
            return new Loaded(new AdminCredential(hash), Optional.of(token));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file, e);
        }
    }

    /** A token given in configuration (demo, tests) instead of the generated one. */
    public static AdminCredential fromConfigured(String token) {
        if (token == null || token.isBlank() || token.length() < MIN_CONFIGURED_LENGTH) {
            throw new IllegalArgumentException("the configured admin token must be at least "
                    + MIN_CONFIGURED_LENGTH + " characters");
        }
        return new AdminCredential(hash(token));
    }

    /** Constant-time: compares fixed-length hashes with MessageDigest.isEqual. */
    public boolean matches(String presentedToken) {
        if (presentedToken == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenHash, hash(presentedToken));
    }

    private static byte[] hash(String token) {
        return Sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readHash(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (text.matches("[0-9a-fA-F]{64}")) {
            return HexFormat.of().parseHex(text);
        }
        throw new IllegalStateException("the admin token file " + file
                + " is damaged; delete it and restart to get a new token");
    }
}
