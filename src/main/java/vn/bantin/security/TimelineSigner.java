package vn.bantin.security;

/** Signs timeline bodies with the controller key and names their ETag, as the contract's timeline call says. */
public final class TimelineSigner {

    private final Ed25519Keys.KeyPair controllerKey;

    public TimelineSigner(Ed25519Keys.KeyPair controllerKey) {
        this.controllerKey = controllerKey;
    }

    /** The base64 Ed25519 signature over the exact body bytes: the {@code X-Bantin-Signature} header. */
    public String sign(byte[] body) {
        return controllerKey.signBase64(body);
    }

    public String publicKeyBase64() {
        return controllerKey.publicKeyBase64();
    }

    /** The quoted hex SHA-256 of the body: the {@code ETag} header. */
    public static String etag(byte[] body) {
        return "\"" + Sha256.hex(body) + "\"";
    }

    /** True when an {@code If-None-Match} header names this ETag (a list, {@code *} and weak tags allowed). */
    public static boolean notModified(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
