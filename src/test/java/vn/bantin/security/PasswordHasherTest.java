package vn.bantin.security;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.DEFAULT);

    @Test
    @DisplayName("an Argon2id PHC string with its cost and a fresh salt; the right password verifies, others do not")
    void hashAndVerify() {
        String hash = hasher.hash("Mật khẩu dài 2026");
        String again = hasher.hash("Mật khẩu dài 2026");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(again);
        assertThat(hasher.verify("Mật khẩu dài 2026", hash)).isTrue();
        assertThat(hasher.verify("Mật khẩu dài 2027", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
        assertThat(hasher.outdated(hash)).isFalse();
    }

    @Test
    @DisplayName("the hash is BouncyCastle's Argon2id of the password with the stored salt (not our own arithmetic)")
    void matchesTheReferenceDerivation() {
        String hash = hasher.hash("kiểm tra");
        String[] parts = hash.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[4]);
        Argon2BytesGenerator reference = new Argon2BytesGenerator();
        reference.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(19).withSalt(salt)
                .withMemoryAsKB(19456).withIterations(2).withParallelism(1).build());
        byte[] expected = new byte[32];
        reference.generateBytes("kiểm tra".getBytes(StandardCharsets.UTF_8), expected);

        assertThat(Base64.getDecoder().decode(parts[5])).isEqualTo(expected);
    }

    @Test
    @DisplayName("a hash made with another cost still verifies and is marked for re-hashing")
    void otherCost() {
        String cheap = new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1)).hash("a long password");

        assertThat(hasher.verify("a long password", cheap)).isTrue();
        assertThat(hasher.outdated(cheap)).isTrue();
    }

    @Test
    @DisplayName("anything that is not our Argon2id string is refused, including absurd costs")
    void garbage() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "plain-text-password")).isFalse();
        assertThat(hasher.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$%%%$aGFzaA")).isFalse();
    }
}
