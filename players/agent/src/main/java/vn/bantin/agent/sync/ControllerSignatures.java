package vn.bantin.agent.sync;

import java.nio.charset.StandardCharsets;
import vn.bantin.agent.crypto.Ed25519;

/** Checks what the controller signed with its pinned key: answer bodies, and server times on refusals. */
final class ControllerSignatures {

    private ControllerSignatures() {
    }

    static boolean body(byte[] controllerKey, byte[] body, String signature) {
        return controllerKey != null && Ed25519.verify(controllerKey, body, signature);
    }

    /** The refusal's server time, bound to the nonce of our refused request (contract: request signing). */
    static boolean serverTime(byte[] controllerKey, String nonce, long serverTime, String signature) {
        byte[] statement = ("bantin-server-time\n" + nonce + "\n" + serverTime).getBytes(StandardCharsets.UTF_8);
        return controllerKey != null && Ed25519.verify(controllerKey, statement, signature);
    }
}
