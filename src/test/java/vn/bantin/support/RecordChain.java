package vn.bantin.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.Sha256;

/**
 * A device's chain of play records as the agent writes them: seq 1, 2, 3..., each naming the hash of the one
 * before, each signed with the device key.
 */
public final class RecordChain {

    private final Ed25519Keys.KeyPair key;
    private long seq;
    private String prevHash = "0".repeat(64);

    public RecordChain(Ed25519Keys.KeyPair key) {
        this.key = key;
    }

    /** The next record, signed: {"payload","sig"} as POST /agent/v1/plays takes it. */
    public JsonObject next(String entryId, Long campaignId, String mode, String sha256, long scheduledStart,
                           Long actualStart, Long actualEnd, String outcome, String reason) {
        seq++;
        String payload = new JsonObject().put("deviceId", key.deviceId()).put("seq", seq).put("prevHash", prevHash)
                .put("entryId", entryId).put("campaignId", campaignId).put("class", "NORMAL").put("mode", mode)
                .put("sha256", sha256).put("scheduledStart", scheduledStart).put("actualStart", actualStart)
                .put("actualEnd", actualEnd).put("outcome", outcome).put("reason", reason).put("clockOffsetMs", 0)
                .put("timelineVersion", "3e".repeat(32)).encode();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        prevHash = Sha256.hex(bytes);
        return new JsonObject().put("payload", payload).put("sig", key.signBase64(bytes));
    }

    /** A relay's or live session's record, as the agent signs one: its class, time on air and gaps added. */
    public JsonObject nextStream(String entryId, Long campaignId, String broadcastClass, String sha256,
                                 long scheduledStart, Long actualStart, Long actualEnd, String outcome, String reason,
                                 long onAirMs, io.vertx.core.json.JsonArray gaps) {
        seq++;
        String payload = new JsonObject().put("deviceId", key.deviceId()).put("seq", seq).put("prevHash", prevHash)
                .put("entryId", entryId).put("campaignId", campaignId).put("class", broadcastClass)
                .put("mode", "STREAM").put("sha256", sha256).put("scheduledStart", scheduledStart)
                .put("actualStart", actualStart).put("actualEnd", actualEnd).put("outcome", outcome)
                .put("reason", reason).put("clockOffsetMs", 0).put("timelineVersion", "3e".repeat(32))
                .put("onAirMs", onAirMs).put("gaps", gaps).encode();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        prevHash = Sha256.hex(bytes);
        return new JsonObject().put("payload", payload).put("sig", key.signBase64(bytes));
    }

    public long seq() {
        return seq;
    }
}
