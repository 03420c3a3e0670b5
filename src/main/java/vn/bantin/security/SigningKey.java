package vn.bantin.security;

/** The controller's Ed25519 key: signs timelines; its public half is pinned by agents at enrollment. */
public final class SigningKey {

    private final byte[] privateKey;
    private final byte[] publicKey;

    public SigningKey(byte[] privateKey) {
        this.privateKey = privateKey.clone();
        this.publicKey = Ed25519Keys.publicKey(privateKey);
    }

    public String signBase64(byte[] message) {
        return Ed25519Keys.encode(Ed25519Keys.sign(privateKey, message));
    }

    public String publicKeyBase64() {
        return Ed25519Keys.encode(publicKey);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }
}
