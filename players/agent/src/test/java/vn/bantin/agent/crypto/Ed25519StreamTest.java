package vn.bantin.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Ed25519StreamTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** RFC 8032 section 7.1, TESTs 1-3: public key, message, signature. */
    private static final String[][] RFC_8032 = {
            {"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
            {"3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
            {"fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                    "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
    };

    @Test
    void rfc8032VectorsVerifyAndAnyChangedBitDoesNot() {
        for (String[] v : RFC_8032) {
            byte[] key = HEX.parseHex(v[0]);
            byte[] message = HEX.parseHex(v[1]);
            byte[] sig = HEX.parseHex(v[2]);
            assertThat(verify(key, message, sig, 1)).as(v[0]).isTrue();
            for (int bit = 0; bit < 512; bit += 37) {
                byte[] bad = sig.clone();
                bad[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(verify(key, message, bad, 1)).as("signature bit %d flipped", bit).isFalse();
            }
            if (message.length > 0) {
                byte[] other = message.clone();
                other[0] ^= 1;
                assertThat(verify(key, other, sig, 1)).isFalse();
            }
        }
    }

    /** Signatures the JDK makes, over messages fed in pieces of every size, agree with the JDK's own verdict. */
    @Test
    void agreesWithTheJdkOnSignedAndAlteredMessagesFedInPieces() throws Exception {
        Random random = new Random(8032);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        for (int i = 0; i < 12; i++) {
            KeyPair pair = generator.generateKeyPair();
            byte[] key = Ed25519.rawPublicKey(pair.getPublic());
            byte[] message = new byte[random.nextInt(200_000)];
            random.nextBytes(message);
            byte[] sig = sign(pair, message);
            int piece = 1 + random.nextInt(70_000);

            assertThat(verify(key, message, sig, piece)).isTrue();
            assertThat(Ed25519.verify(key, message, b64(sig))).isTrue();
            if (message.length > 0) {
                byte[] altered = message.clone();
                altered[random.nextInt(altered.length)] ^= (byte) (1 + random.nextInt(255));
                assertThat(verify(key, altered, sig, piece)).isFalse();
                assertThat(Ed25519.verify(key, altered, b64(sig))).isFalse();
            }
            byte[] otherKey = Ed25519.rawPublicKey(generator.generateKeyPair().getPublic());
            assertThat(verify(otherKey, message, sig, piece)).isFalse();
        }
    }

    /** S + L is the same point arithmetic but not the canonical signature: refused, as RFC 8032 and the JDK do. */
    @Test
    void nonCanonicalScalarMalformedAndMissingSignaturesAreRefused() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] key = Ed25519.rawPublicKey(pair.getPublic());
        byte[] message = "bản tin".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sig = sign(pair, message);
        byte[] s = Arrays.copyOfRange(sig, 32, 64);
        byte[] sPlusL = littleEndian(new BigInteger(1, reverse(s)).add(L));
        byte[] malleable = Arrays.copyOf(sig, 64);
        System.arraycopy(sPlusL, 0, malleable, 32, 32);

        assertThat(verify(key, message, malleable, 7)).isFalse();
        assertThat(Ed25519.verify(key, message, b64(malleable))).isFalse();
        assertThat(stream(key, null, message)).isFalse();
        assertThat(stream(key, "", message)).isFalse();
        assertThat(stream(key, "not base64!", message)).isFalse();
        assertThat(stream(key, b64(Arrays.copyOf(sig, 63)), message)).isFalse();
        byte[] offCurve = sig.clone();
        Arrays.fill(offCurve, 0, 32, (byte) 0xff);
        assertThat(verify(key, message, offCurve, 3)).isFalse();
    }

    private static boolean verify(byte[] key, byte[] message, byte[] sig, int piece) {
        Ed25519Stream v = Ed25519Stream.of(key, b64(sig));
        for (int at = 0; at < message.length; at += piece) {
            v.update(message, at, Math.min(piece, message.length - at));
        }
        return v.verify();
    }

    private static boolean stream(byte[] key, String sig, byte[] message) {
        Ed25519Stream v = Ed25519Stream.of(key, sig);
        v.update(message, 0, message.length);
        return v.verify();
    }

    private static byte[] sign(KeyPair pair, byte[] message) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(message);
        return s.sign();
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    private static byte[] littleEndian(BigInteger v) {
        byte[] big = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, big.length); i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }
}
