package vn.bantin.agent.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import vn.bantin.agent.io.AtomicFiles;

/** The device's Ed25519 identity, made on first start and kept in the state directory (mode 0600). */
public final class DeviceKeys {

    private static final String PRIVATE_FILE = "device-key.pk8";
    private static final String PUBLIC_FILE = "device-key.pub";

    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;
    private final String deviceId;

    private DeviceKeys(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.rawPublicKey = Ed25519.rawPublicKey(pair.getPublic());
        this.deviceId = Hashes.sha256Hex(rawPublicKey).substring(0, 32);
    }

    public static DeviceKeys loadOrCreate(Path stateDir) throws IOException {
        Path priv = stateDir.resolve(PRIVATE_FILE);
        Path pub = stateDir.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(priv) && Files.exists(pub)) {
                KeyFactory factory = KeyFactory.getInstance("Ed25519");
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub)));
                return new DeviceKeys(new KeyPair(publicKey, privateKey));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // public first: a crash between the two writes leaves no private key, so the pair is remade whole
            AtomicFiles.writePrivate(pub, pair.getPublic().getEncoded());
            AtomicFiles.writePrivate(priv, pair.getPrivate().getEncoded());
            return new DeviceKeys(pair);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load device key from " + stateDir, e);
        }
    }

    public String deviceId() {
        return deviceId;
    }

    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(rawPublicKey);
    }

    public String signBase64(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public String signBase64(String text) {
        return signBase64(text.getBytes(StandardCharsets.UTF_8));
    }
}
