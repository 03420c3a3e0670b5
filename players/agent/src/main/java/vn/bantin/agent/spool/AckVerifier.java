package vn.bantin.agent.spool;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;

/**
 * Accepts a plays acknowledgement only if the pinned controller key signed these exact bytes and it answers
 * this very request: it names this device, echoes the request's batch id and the SHA-256 of the exact
 * request body. Anything else (unsigned, forged, for another device, replayed from an earlier request,
 * malformed) is refused, and then nothing is deleted.
 */
public final class AckVerifier {

    private final byte[] controllerKey;
    private final String deviceId;

    public AckVerifier(byte[] controllerKey, String deviceId) {
        this.controllerKey = controllerKey.clone();
        this.deviceId = deviceId;
    }

    public Acknowledgement verify(byte[] body, String signature, String batch, byte[] requestBody)
            throws AckRejected {
        if (signature == null || signature.isBlank()) {
            throw new AckRejected("acknowledgement is unsigned");
        }
        if (!Ed25519.verify(controllerKey, body, signature)) {
            throw new AckRejected("acknowledgement signature does not verify with the pinned controller key");
        }
        Map<String, Object> ack;
        try {
            ack = JSON.std.mapFrom(body);
        } catch (IOException | RuntimeException e) {
            throw new AckRejected("acknowledgement is not JSON: " + e.getMessage());
        }
        expect(ack, "deviceId", deviceId, "another device");
        expect(ack, "batch", batch, "another batch (an old or misrouted answer)");
        expect(ack, "request", Hashes.sha256Hex(requestBody), "another request body");
        try {
            return new Acknowledgement(ranges(ack.get("held")), refused(ack.get("refused")), notices(ack.get("notices")));
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw new AckRejected("acknowledgement is malformed: " + e);
        }
    }

    private static void expect(Map<String, Object> ack, String field, String wanted, String what) throws AckRejected {
        Object value = ack.get(field);
        if (!wanted.equals(value)) {
            throw new AckRejected("acknowledgement is for " + what + ": " + field + " is " + value + ", not " + wanted);
        }
    }

    private static List<long[]> ranges(Object held) {
        List<long[]> out = new ArrayList<>();
        for (Object o : (List<?>) held) {
            List<?> pair = (List<?>) o;
            if (pair.size() != 2) {
                throw new IndexOutOfBoundsException("a held range has " + pair.size() + " numbers");
            }
            out.add(new long[] {((Number) pair.get(0)).longValue(), ((Number) pair.get(1)).longValue()});
        }
        return out;
    }

    private static List<Acknowledgement.Refused> refused(Object refused) {
        List<Acknowledgement.Refused> out = new ArrayList<>();
        for (Object o : (List<?>) refused) {
            Map<?, ?> item = (Map<?, ?>) o;
            out.add(new Acknowledgement.Refused(((Number) item.get("index")).intValue(), (String) item.get("code"),
                    (String) item.get("message")));
        }
        return out;
    }

    private static Set<String> notices(Object notices) {
        Set<String> out = new HashSet<>();
        for (Object o : (List<?>) notices) {
            out.add((String) o);
        }
        return out;
    }

    public static final class AckRejected extends Exception {
        public AckRejected(String message) {
            super(message);
        }
    }
}
