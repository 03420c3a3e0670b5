package vn.bantin.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.security.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A device's chain of play records as agents before chain rule 2 wrote them (still accepted): seq 1, 2, 3… each
 * naming its predecessor's payload hash, so every record's own signature is checked.
 */
public final class PlayChain {

    public static final String GENESIS = "0".repeat(64);
    private static final long T0 = 1_764_050_400_000L;

    private final SignedAgent agent;
    private long seq;
    private String prevHash = GENESIS;

    public PlayChain(SignedAgent agent) {
        this.agent = agent;
    }

    public long lastSeq() {
        return seq;
    }

    /** The next payload of the chain, with every contract field, edited by {@code edit} before it is hashed. */
    public String nextPayload(UnaryOperator<JsonObject> edit) {
        seq++;
        String payload = edit.apply(payload(agent.deviceId(), seq, prevHash)).encode();
        prevHash = Sha256.hex(payload.getBytes(StandardCharsets.UTF_8));
        return payload;
    }

    /** The next {@code count} records, signed by the agent's key, as a plays request's {@code records}. */
    public JsonArray nextSigned(int count) {
        JsonArray records = new JsonArray();
        for (int i = 0; i < count; i++) {
            records.add(agent.signedRecord(nextPayload(p -> p)));
        }
        return records;
    }

    public static JsonObject payload(String deviceId, long seq, String prevHash) {
        long start = T0 + seq * 600_000;
        return new JsonObject().put("deviceId", deviceId).put("seq", seq).put("prevHash", prevHash)
                .put("entryId", "slot-7/20251125T0600/" + seq).put("campaignId", 3L).put("class", "NORMAL")
                .put("mode", "ONCE").put("sha256", "f".repeat(64)).put("scheduledStart", start)
                .put("actualStart", start + 38).put("actualEnd", start + 60_038).put("outcome", "PLAYED")
                .putNull("reason").put("clockOffsetMs", -12).put("timelineVersion", "3e".repeat(32));
    }
}
