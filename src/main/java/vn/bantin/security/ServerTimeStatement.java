package vn.bantin.security;

import java.nio.charset.StandardCharsets;

/**
 * The controller's signed statement of its time on a refused agent call (contract: request signing):
 * bound to the refused request's nonce, so an agent applies only a time that answers its own request.
 */
public final class ServerTimeStatement {

    public static final String TIME_HEADER = "X-Bantin-Server-Time";
    public static final String SIGNATURE_HEADER = "X-Bantin-Server-Time-Signature";

    private ServerTimeStatement() {
    }

    /** What the controller key signs: {@code bantin-server-time\n<nonce>\n<server time>}, UTF-8. */
    public static byte[] bytesToSign(String nonce, long serverTime) {
        return ("bantin-server-time\n" + (nonce == null ? "" : nonce) + "\n" + serverTime)
                .getBytes(StandardCharsets.UTF_8);
    }
}
