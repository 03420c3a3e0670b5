package vn.bantin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one admin credential of the foundation. The token has 256 random bits, so a plain SHA-256 of
 * it is enough at rest (a slow password hash protects guessable secrets; this one cannot be guessed).
 */
public final class AdminCredential {

    /** The credential and, on the start that created it, the token to print once. */
    public record Loaded(AdminCredential credential, Optional<String> newToken) {
    }

    static final String FILE = "admin.token.sha256";

    private final byte[] tokenHash;

    private AdminCredential(byte[] tokenHash) {
        this.tokenHash = tokenHash;
    }

    public static AdminCredential fromConfigured(String token) {
        return new AdminCredential(hash(token));
    }

    public static Loaded loadOrCreate(Path keysDir) throws IOException {
        Path file = keysDir.resolve(FILE);
        if (Files.exists(file)) {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return new Loaded(new AdminCredential(HexFormat.of().parseHex(hex)), Optional.empty());
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] hash = hash(token);
        SecretFiles.write(file, HexFormat.of().formatHex(hash).getBytes(StandardCharsets.US_ASCII));
        return new Loaded(new AdminCredential(hash), Optional.of(token));
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(tokenHash, hash(presented));
    }

    private static byte[] hash(String token) {
        return HexFormat.of().parseHex(Ed25519Keys.sha256Hex(token));
    }
}
