package vn.bantin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SodiumEd25519Test {

    @Test
    @DisplayName("libsodium is loaded here (libsodium23 is one of the packages the controller needs)")
    void loadedWhereInstalled() {
        boolean installed = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libsodium.so.23"))
                || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libsodium.so.23"));
        assertThat(installed).as("libsodium23 installed (ops/require-packages.sh)").isTrue();
        assertThat(SodiumEd25519.available()).isTrue();
        assertThat(Ed25519Verifier.implementation()).isEqualTo("libsodium");
    }

    @Test
    @DisplayName("libsodium, BouncyCastle and the verifier ingest uses give the same verdict on good and tampered"
            + " play records")
    void sameVerdicts() {
        Ed25519Keys.KeyPair key = Ed25519Keys.generate();
        Ed25519Keys.KeyPair other = Ed25519Keys.generate();
        Ed25519Verifier verifier = Ed25519Verifier.of(key.publicKey());
        Ed25519Verifier bouncyCastle = Ed25519Verifier.bouncyCastleOnly(key.publicKey());
        Random random = new Random(11);
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            byte[] message = ("{\"deviceId\":\"d\",\"seq\":" + (i + 1) + ",\"outcome\":\"PLAYED\",\"reason\":\"Đã phát"
                    + " đủ\"}").getBytes(StandardCharsets.UTF_8);
            byte[] signature = (i % 5 == 4 ? other : key).sign(message);
            switch (i % 5) {
                case 1 -> message[random.nextInt(message.length)] ^= (byte) (1 + random.nextInt(255));
                case 2 -> signature[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                case 3 -> signature[32 + random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                default -> {
                }
            }
            boolean expected = i % 5 == 0;
            boolean bc = bouncyCastle.verify(message, signature);
            assertThat(SodiumEd25519.verify(signature, message, key.publicKey())).as("libsodium, case " + i)
                    .isEqualTo(bc).isEqualTo(expected);
            assertThat(verifier.verify(message, signature)).as("ingest's verifier, case " + i).isEqualTo(bc);
            assertThat(Ed25519Keys.verify(key.publicKey(), message, signature)).as("Ed25519Keys, case " + i)
                    .isEqualTo(bc);
            accepted += bc ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(200);
    }

    @Test
    @DisplayName("libsodium signs with the same bytes as BouncyCastle (Ed25519 is deterministic)")
    void sameSignatures() {
        Random random = new Random(12);
        for (int i = 0; i < 200; i++) {
            Ed25519Keys.KeyPair key = Ed25519Keys.generate();
            byte[] message = new byte[random.nextInt(600)];
            random.nextBytes(message);
            byte[] bouncyCastle = new byte[Ed25519Keys.SIGNATURE_BYTES];
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(key.seed(), 0, key.publicKey(), 0, message, 0,
                    message.length, bouncyCastle, 0);
            assertThat(SodiumEd25519.sign(message, key.seed(), key.publicKey())).as("case " + i)
                    .isEqualTo(bouncyCastle).isEqualTo(key.sign(message));
        }
    }

    @Test
    @DisplayName("a signature with S not reduced below the group order: refused by both")
    void nonCanonicalS() {
        Ed25519Keys.KeyPair key = Ed25519Keys.generate();
        byte[] message = "{\"seq\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        // S + L, with L = 2^252 + 27742317777372353535851937790883648493 (little-endian), is the same S mod L
        byte[] order = java.util.HexFormat.of().parseHex(
                "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        int carry = 0;
        for (int i = 0; i < 32; i++) {
            int sum = (signature[32 + i] & 0xff) + (order[i] & 0xff) + carry;
            signature[32 + i] = (byte) sum;
            carry = sum >> 8;
        }
        assertThat(SodiumEd25519.verify(signature, message, key.publicKey())).isFalse();
        assertThat(Ed25519Verifier.bouncyCastleOnly(key.publicKey()).verify(message, signature)).isFalse();
        assertThat(Ed25519Verifier.of(key.publicKey()).verify(message, signature)).isFalse();
    }
}
