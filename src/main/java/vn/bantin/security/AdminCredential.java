package vn.bantin.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The configured administrator's bearer token: a full-scope ADMIN for tests, the demo and scripts. It comes
 * from {@code admin.token}, from the file named by {@code admin.token.file}, or from the SHA-256 hash file
 * {@code <dataDir>/keys/admin.token.sha256} that earlier versions generated; none of them is ever printed.
 *
 * <p>A plain SHA-256 (no salt, no slow KDF) is enough here: the token is 32 random bytes, so there is no
 * dictionary to try and 2^256 guesses to make; slow hashing only matters for low-entropy human passwords.
 * A configured token (demo, tests) must be at least {@value #MIN_CONFIGURED_LENGTH} characters.
 */
public final class AdminCredential {

    public static final String FILE_NAME = "admin.token.sha256";
    public static final int MIN_CONFIGURED_LENGTH = 16;

    private final byte[] tokenHash;

    private AdminCredential(byte[] tokenHash) {
        this.tokenHash = tokenHash;
    }

    public static Path path(Path dataDir) {
        return dataDir.resolve(ControllerKeyFile.KEYS_DIR).resolve(FILE_NAME);
    }

    /**
     * The hash file an earlier version generated, if this install has one. New installs get no admin token:
     * the first admin is made with the setup token instead.
     */
    public static Optional<AdminCredential> loadExisting(Path dataDir) {
        Path file = path(dataDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AdminCredential(readHash(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token file " + file, e);
        }
    }

    /** A token kept in a file of its own (systemd credentials, the demo), so it is in no command line. */
    public static AdminCredential fromFile(Path file) {
        try {
            return fromConfigured(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token file " + file, e);
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
