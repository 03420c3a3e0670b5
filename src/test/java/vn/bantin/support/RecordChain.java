package vn.bantin.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.SignedRecord;

/**
 * A device's chain of play records as the agent writes them: seq 1, 2, 3..., each signed with the device key and
 * naming the chain hash (rule 2: payload hash and signature) of the one before.
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
                .put("timelineVersion", "3e".repeat(32)).put("chain", PlayRecordPayload.CHAIN_SIGNED).encode();
        return chained(payload);
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
                .put("onAirMs", onAirMs).put("gaps", gaps).put("chain", PlayRecordPayload.CHAIN_SIGNED).encode();
        return chained(payload);
    }

    private JsonObject chained(String payload) {
        SignedRecord signed = new SignedRecord(payload, key.signBase64(payload.getBytes(StandardCharsets.UTF_8)));
        prevHash = signed.chainHash(PlayRecordPayload.CHAIN_SIGNED);
        return new JsonObject().put("payload", payload).put("sig", signed.sig());
    }

    public long seq() {
        return seq;
    }
}
