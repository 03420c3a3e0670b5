package vn.bantin.agent.command;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import vn.bantin.agent.crypto.Ed25519;

/** Takes a pushed command only if the pinned controller key signed its exact payload, for this device. */
final class CommandVerifier {

    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final Supplier<byte[]> controllerKey;
    private final String deviceId;

    CommandVerifier(Supplier<byte[]> controllerKey, String deviceId) {
        this.controllerKey = controllerKey;
        this.deviceId = deviceId;
    }

    @SuppressWarnings("unchecked")
    Command verify(String payload, String sig) throws Refused {
        byte[] key = controllerKey.get();
        if (payload == null || key == null || !Ed25519.verify(key, payload.getBytes(StandardCharsets.UTF_8), sig)) {
            throw new Refused("command not signed by the pinned controller key");
        }
        Map<String, Object> p;
        try {
            p = JSON.std.mapFrom(payload);
        } catch (IOException e) {
            throw new Refused("command payload is not JSON");
        }
        if (!deviceId.equals(p.get("deviceId"))) {
            throw new Refused("command is for device " + p.get("deviceId"));
        }
        if (!(p.get("commandId") instanceof Number id) || !(p.get("kind") instanceof String kind)
                || !(p.get("issuedAt") instanceof Number issued) || !(p.get("expiresAt") instanceof Number expires)
                || !(p.get("args") instanceof Map<?, ?> args)) {
            throw new Refused("command payload lacks a field");
        }
        return new Command(id.longValue(), kind, (Map<String, Object>) args, issued.longValue(), expires.longValue());
    }
}
