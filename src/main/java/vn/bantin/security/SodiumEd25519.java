package vn.bantin.security;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libsodium's Ed25519 signature check ({@code crypto_sign_ed25519_verify_detached}, Debian package libsodium23),
 * called through JNA: about 1.7x cheaper per signature than BouncyCastle's; and its signing
 * ({@code crypto_sign_ed25519_detached}, about 2x cheaper; Ed25519 signatures are deterministic, so the bytes are
 * BouncyCastle's). When the library cannot be loaded
 * (not installed, or JNA's stub cannot be unpacked), {@link #available()} is false and callers verify with
 * BouncyCastle; which of the two is in use is logged once.
 */
final class SodiumEd25519 {

    private static final Logger LOG = LoggerFactory.getLogger(SodiumEd25519.class);
    /** The library's names: the development link when present, else the runtime package's soname. */
    private static final List<String> NAMES = List.of("sodium", "libsodium.so.23");
    private static final boolean AVAILABLE = load();

    private SodiumEd25519() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    /** True when the 64-byte signature of message verifies with the 32-byte key; only when {@link #available()}. */
    static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        return crypto_sign_ed25519_verify_detached(signature, message, message.length, publicKey) == 0;
    }

    /** The 64-byte signature of message by the 32-byte seed whose public key is given; only when {@link #available()}. */
    static byte[] sign(byte[] message, byte[] seed, byte[] publicKey) {
        // libsodium's secret key is the seed followed by its public key
        byte[] secretKey = new byte[64];
        System.arraycopy(seed, 0, secretKey, 0, 32);
        System.arraycopy(publicKey, 0, secretKey, 32, 32);
        byte[] signature = new byte[64];
        try {
            if (crypto_sign_ed25519_detached(signature, null, message, message.length, secretKey) != 0) {
                throw new IllegalStateException("libsodium could not sign");
            }
        } finally {
            java.util.Arrays.fill(secretKey, (byte) 0);
        }
        return signature;
    }

    private static boolean load() {
        String why = "not found";
        for (String name : NAMES) {
            try {
                Native.register(SodiumEd25519.class, NativeLibrary.getInstance(name));
                if (sodium_init() < 0) {
                    LOG.warn("Ed25519 verification: BouncyCastle (libsodium {} did not initialise)", name);
                    return false;
                }
                LOG.info("Ed25519 verification: libsodium {} ({})", sodium_version_string(), name);
                return true;
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                why = e.getMessage();
            }
        }
        LOG.info("Ed25519 verification: BouncyCastle (libsodium not loadable: {})", why);
        return false;
    }

    private static native int sodium_init();

    private static native String sodium_version_string();

    private static native int crypto_sign_ed25519_detached(byte[] sig, long[] siglen, byte[] m, long mlen, byte[] sk);

    private static native int crypto_sign_ed25519_verify_detached(byte[] sig, byte[] m, long mlen, byte[] pk);
}
