package vn.bantin.app.evidence;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.app.ApiException;
import vn.bantin.app.AreaScope;
import vn.bantin.domain.Endpoint;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.evidence.bundle.BundleJson;
import vn.bantin.evidence.bundle.BundleVerifier;
import vn.bantin.evidence.bundle.BundleZip;
import vn.bantin.evidence.bundle.EvidenceBundle;
import vn.bantin.evidence.bundle.VerificationReport;
import vn.bantin.schedule.AreaTree;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.DeviceKeyRepository;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.GapNoticeRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoredPlay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evidence anyone can check: exports, for a period and the endpoints in the caller's scope, every signed
 * record with what a verifier needs (docs/evidence-bundle.md), signed by the controller key; and verifies
 * such a bundle as the offline verifier does, for the API.
 */
public final class EvidenceBundles {

    /** A bundle ready to hand over: a file name and the ZIP bytes. */
    public record BundleFile(String fileName, byte[] zip) {
    }

    /** Where the bundle's data comes from. */
    public record Stores(EndpointRepository endpoints, AreaRepository areas, PlayRecordRepository plays,
                         DeviceKeyRepository keys, GapNoticeRepository notices) {
    }

    private static final int MAX_DAYS = 400;

    private final Database db;
    private final Stores s;
    private final AreaScope scope;
    private final Ed25519Keys.KeyPair controllerKey;
    private final ZoneId zone;
    private final Clock clock;

    public EvidenceBundles(Database db, Stores stores, AreaScope scope, Ed25519Keys.KeyPair controllerKey, ZoneId zone,
                           Clock clock) {
        this.db = db;
        this.s = stores;
        this.scope = scope;
        this.controllerKey = controllerKey;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * @param endpointId one endpoint, or null
     * @param areaId     every endpoint in this area and below, or null (with endpointId null: all in scope)
     * @param from       first local day (default: the first of this month), @param to last (default: today)
     */
    public BundleFile export(Actor actor, Long endpointId, Long areaId, String from, String to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalPeriod period = LocalPeriod.parse(from, to, today.withDayOfMonth(1), d -> today.isBefore(d) ? d : today,
                zone, MAX_DAYS);
        byte[] bundle = BundleJson.toBytes(db.read(c -> bundle(c, actor, endpointId, areaId, period)));
        String name = "bantin-bang-chung-" + LocalDate.ofInstant(java.time.Instant.ofEpochMilli(period.fromMs()), zone)
                + "_" + LocalDate.ofInstant(java.time.Instant.ofEpochMilli(period.toMs() - 1), zone) + ".zip";
        return new BundleFile(name, BundleZip.write(bundle, controllerKey.signBase64(bundle)));
    }

    /** The same bundle, checked at once as an auditor's verifier would, against this controller's key. */
    public VerificationReport verify(Actor actor, Long endpointId, Long areaId, String from, String to) {
        BundleZip.Signed signed = BundleZip.read(export(actor, endpointId, areaId, from, to).zip());
        return BundleVerifier.verify(signed.bundle(), signed.signature(), controllerKey.publicKey());
    }

    private EvidenceBundle bundle(Connection c, Actor actor, Long endpointId, Long areaId, LocalPeriod p)
            throws SQLException {
        List<EvidenceBundle.Endpoint> out = new ArrayList<>();
        for (Endpoint e : endpoints(c, actor, endpointId, areaId)) {
            List<EvidenceBundle.Device> devices = new ArrayList<>();
            for (DeviceKeyRepository.DeviceKey key : s.keys().ofEndpoint(c, e.id())) {
                device(c, key, p).ifPresent(devices::add);
            }
            out.add(new EvidenceBundle.Endpoint(e.id(), e.name(), devices));
        }
        return new EvidenceBundle(EvidenceBundle.FORMAT, controllerKey.publicKeyBase64(), clock.millis(), p.fromMs(),
                p.toMs(), out);
    }

    /** The endpoints asked for, each in the actor's scope (else 404); a deleted one by its records' name. */
    private List<Endpoint> endpoints(Connection c, Actor actor, Long endpointId, Long areaId) throws SQLException {
        Scope visible = scope.of(c, actor);
        if (endpointId != null) {
            Optional<Endpoint> endpoint = s.endpoints().byId(c, endpointId);
            if (endpoint.isEmpty() && visible.full() && !s.keys().ofEndpoint(c, endpointId).isEmpty()) {
                return List.of(new Endpoint(endpointId, "(đã xóa / deleted) #" + endpointId, null, null, null, null));
            }
            Endpoint found = endpoint.orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId));
            AreaScope.requireVisible(visible, found.areaId(), "thiết bị/endpoint", endpointId);
            return List.of(found);
        }
        if (areaId != null) {
            scope.require(c, actor, areaId);
        }
        AreaTree tree = new AreaTree(s.areas().all(c));
        return s.endpoints().all(c).stream().filter(e -> visible.contains(e.areaId()))
                .filter(e -> areaId == null || e.areaId() != null && tree.selfAndAncestors(e.areaId()).contains(areaId))
                .toList();
    }

    /** The device's records from the first to the last due in the period, with their anchor and what explains gaps. */
    private Optional<EvidenceBundle.Device> device(Connection c, DeviceKeyRepository.DeviceKey key, LocalPeriod p)
            throws SQLException {
        Optional<long[]> due = s.plays().dueSeqs(c, key.deviceId(), p.fromMs(), p.toMs());
        if (due.isEmpty()) {
            return Optional.empty();
        }
        long first = due.get()[0];
        long last = due.get()[1];
        List<SignedRecord> records = s.plays().seqRange(c, key.deviceId(), first, last).stream()
                .map(EvidenceBundles::signed).toList();
        SignedRecord anchor = first == 1 ? null
                : s.plays().bySeq(c, key.deviceId(), first - 1).map(EvidenceBundles::signed).orElse(null);
        List<EvidenceBundle.Refused> refused = s.plays().refused(c, key.deviceId()).stream()
                .filter(r -> r.seq() == null || r.seq() >= first && r.seq() <= last).toList();
        List<SignedRecord> notices = s.notices().byDevice(c, key.deviceId()).stream()
                .filter(n -> n.notice().firstSeq() <= last && n.notice().lastSeq() >= first)
                .map(n -> new SignedRecord(n.payload(), n.sig())).toList();
        return Optional.of(new EvidenceBundle.Device(key.deviceId(), key.publicKey(), anchor, records,
                s.plays().conflicts(c, key.deviceId(), first, last), refused, notices));
    }

    private static SignedRecord signed(StoredPlay p) {
        return new SignedRecord(p.payload(), p.sig());
    }
}
