package vn.bantin.app.evidence;

import vn.bantin.access.Actor;
import vn.bantin.app.ApiException;
import vn.bantin.app.AreaScope;
import vn.bantin.domain.Endpoint;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.evidence.bundle.ChainCheck;
import vn.bantin.evidence.bundle.EvidenceBundle;
import vn.bantin.evidence.bundle.Finding;
import vn.bantin.store.Database;
import vn.bantin.store.DeviceKeyRepository;
import vn.bantin.store.EndpointRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence status of an endpoint: each device key that signed for it, its whole chain checked from seq 1
 * with nothing but the key ({@link ChainCheck}), conflicts kept aside included. Never hidden: a record that
 * conflicts with a stored one makes it TAMPERED.
 */
public final class EndpointEvidence {

    private final Database db;
    private final EndpointRepository endpoints;
    private final EvidenceBundles.Stores s;
    private final AreaScope scope;

    public EndpointEvidence(Database db, EndpointRepository endpoints, EvidenceBundles.Stores stores, AreaScope scope) {
        this.db = db;
        this.endpoints = endpoints;
        this.s = stores;
        this.scope = scope;
    }

    public EvidenceStatus of(Actor actor, long endpointId) {
        return db.read(c -> {
            Endpoint endpoint = endpoints.byId(c, endpointId)
                    .orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId));
            AreaScope.requireVisible(scope.of(c, actor), endpoint.areaId(), "thiết bị/endpoint", endpointId);
            EndpointRepository.DeviceRow current = endpoints.deviceOf(c, endpointId).orElseThrow();
            List<EvidenceStatus.Device> devices = new ArrayList<>();
            for (DeviceKeyRepository.DeviceKey key : s.keys().ofEndpoint(c, endpointId)) {
                devices.add(device(c, key));
            }
            EvidenceStatus.Status status = devices.isEmpty() ? EvidenceStatus.Status.NO_DEVICE
                    : EvidenceStatus.worst(devices);
            return new EvidenceStatus(endpointId, current.deviceId(), current.publicKey(), status,
                    EvidenceStatus.text(status, devices), devices);
        });
    }

    private EvidenceStatus.Device device(Connection c, DeviceKeyRepository.DeviceKey key) throws SQLException {
        List<SignedRecord> records = s.plays().byDevice(c, key.deviceId()).stream()
                .map(p -> new SignedRecord(p.payload(), p.sig())).toList();
        List<EvidenceBundle.Aside> conflicts = s.plays().conflicts(c, key.deviceId(), 1, Long.MAX_VALUE);
        List<SignedRecord> notices = s.notices().byDevice(c, key.deviceId()).stream()
                .map(n -> new SignedRecord(n.payload(), n.sig())).toList();
        List<Finding> findings = ChainCheck.wholeChain(new EvidenceBundle.Device(key.deviceId(), key.publicKey(), null,
                records, conflicts, s.plays().refused(c, key.deviceId()), notices));
        return new EvidenceStatus.Device(key.deviceId(), records.size(), conflicts.size(),
                EvidenceStatus.of(findings), findings);
    }
}
