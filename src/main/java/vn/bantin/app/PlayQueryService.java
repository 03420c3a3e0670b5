package vn.bantin.app;

import io.vertx.core.json.JsonObject;
import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Endpoint;
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
    private final AreaScope scope;

    public PlayQueryService(Database db, PlayRecordRepository plays, EndpointRepository endpoints, AreaScope scope) {
        this.db = db;
        this.plays = plays;
        this.endpoints = endpoints;
        this.scope = scope;
    }

    /** The latest records of endpoints in the actor's scope. */
    public List<StoredPlay> recent(Actor actor, int limit) {
        return db.read(c -> {
            if (actor.fullScope()) {
                return plays.recent(c, limit);
            }
            Scope visible = scope.of(c, actor);
            List<Long> ids = endpoints.all(c).stream().filter(e -> visible.contains(e.areaId())).map(Endpoint::id)
                    .toList();
            return plays.recentOf(c, ids, limit);
        });
    }

    public JsonObject evidence(Actor actor, long endpointId) {
        return db.read(c -> {
            Endpoint endpoint = endpoints.byId(c, endpointId)
                    .orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId));
            AreaScope.requireVisible(scope.of(c, actor), endpoint.areaId(), "thiết bị/endpoint", endpointId);
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
