package vn.bantin.app;

import io.vertx.core.json.JsonObject;
import vn.bantin.evidence.ChainVerifier;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoredPlay;

import java.util.List;

/** Reading the evidence: recent records, and a device's whole chain checked against its public key. */
public final class PlayQueryService {

    private final Database db;
    private final PlayRecordRepository plays;
    private final EndpointRepository endpoints;

    public PlayQueryService(Database db, PlayRecordRepository plays, EndpointRepository endpoints) {
        this.db = db;
        this.plays = plays;
        this.endpoints = endpoints;
    }

    public List<StoredPlay> recent(int limit) {
        return db.read(c -> plays.recent(c, limit));
    }

    public JsonObject evidence(long endpointId) {
        return db.read(c -> {
            EndpointRepository.DeviceRow device = endpoints.deviceOf(c, endpointId)
                    .orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId));
            JsonObject out = new JsonObject().put("endpointId", endpointId).put("deviceId", device.deviceId())
                    .put("publicKey", device.publicKey());
            if (device.deviceId() == null) {
                return out.put("status", "NO_DEVICE").put("records", 0);
            }
            List<SignedRecord> chain = plays.byDevice(c, device.deviceId()).stream()
                    .map(p -> new SignedRecord(p.payload(), p.sig())).toList();
            ChainVerifier.Verdict verdict = ChainVerifier.verify(Ed25519Keys.publicKeyFromBase64(device.publicKey()),
                    chain);
            long conflicts = plays.conflictCount(c, device.deviceId());
            out.put("records", chain.size()).put("verdict", ChainVerifier.describe(verdict))
                    .put("conflicts", conflicts);
            if (conflicts > 0) {
                // a second record signed for a seq already held: someone holds the key or altered a copy
                return out.put("status", "TAMPERED");
            }
            if (verdict instanceof ChainVerifier.Broken broken) {
                return out.put("status", "BROKEN").put("firstBadSeq", broken.seq())
                        .put("problem", broken.problem().name());
            }
            return out.put("status", "INTACT");
        });
    }
}
