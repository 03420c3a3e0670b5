package vn.bantin.security;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so
 * each stored hash carries its own cost and a later change of cost still verifies old hashes.
 *
 * <p>The default cost is OWASP's first Argon2id setting (19 MiB, 2 passes, 1 lane): on a 2-core server it
 * takes well under a tenth of a second per login (measured by ops/bench/security) and 19 MiB per login in
 * flight, while every guess costs an attacker the same memory.
 */
public final class PasswordHasher {

    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public static final Cost DEFAULT = new Cost(19_456, 2, 1);
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Cost cost;

    public PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] out = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** False for a wrong password and for anything that is not an Argon2id hash of ours. */
    public boolean verify(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        Cost stored;
        byte[] salt;
        byte[] expected;
        try {
            stored = parseCost(parts[3]);
            salt = B64D.decode(parts[4]);
            expected = B64D.decode(parts[5]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, derive(password, salt, stored, expected.length));
    }

    /** Whether a stored hash was made with another cost than today's (worth re-hashing at the next login). */
    public boolean outdated(String encoded) {
        return !encoded.contains("$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$");
    }

    private static Cost parseCost(String text) {
        int m = -1;
        int t = -1;
        int p = -1;
        for (String kv : text.split(",")) {
            String[] pair = kv.split("=", 2);
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException(pair[0]);
            }
        }
        if (m < 8 || t < 1 || p < 1 || m > 1 << 21 || t > 64 || p > 16) {
            throw new IllegalArgumentException(text);
        }
        return new Cost(m, t, p);
    }

    private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                .withMemoryAsKB(cost.memoryKiB()).withIterations(cost.iterations())
                .withParallelism(cost.parallelism()).build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
