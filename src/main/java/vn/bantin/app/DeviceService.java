package vn.bantin.app;

import io.vertx.core.json.JsonObject;
import vn.bantin.access.Actor;
import vn.bantin.audit.AuditTrail;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.RequestSignature;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EndpointRepository.DeviceRow;
import vn.bantin.store.EnrollmentCodeRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Enrollment and heartbeats of player devices. */
public final class DeviceService {

    public record EnrollRequest(String publicKey, String kind, String name, String hardwareJson,
                                String enrollmentCode) {
    }

    public record EnrollResult(String deviceId, long endpointId, EndpointStatus status, String controllerPublicKey,
                               long serverTime) {
    }

    private static final int MAX_FACTS_CHARS = 4000;

    private final Database db;
    private final EndpointRepository endpoints;
    private final EnrollmentCodeRepository codes;
    private final DeviceAuthenticator authenticator;
    private final String controllerPublicKey;
    private final ChangeNotifier changes;
    private final Function<byte[], String> controllerSigner;
    private final Clock clock;
    private final List<BiConsumer<Long, String>> heartbeatListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Long, String>> keyListeners = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> requestListeners = new CopyOnWriteArrayList<>();
    private final EnrollmentQueue queue;
    private final AuditTrail audit;

    public DeviceService(Database db, EndpointRepository endpoints, EnrollmentCodeRepository codes,
                         DeviceAuthenticator authenticator, String controllerPublicKey, ChangeNotifier changes,
                         Function<byte[], String> controllerSigner, Clock clock, EnrollmentQueue queue,
                         AuditTrail audit) {
        this.queue = queue;
        this.audit = audit;
        this.db = db;
        this.endpoints = endpoints;
        this.codes = codes;
        this.authenticator = authenticator;
        this.controllerPublicKey = controllerPublicKey;
        this.changes = changes;
        this.controllerSigner = controllerSigner;
        this.clock = clock;
    }

    /**
     * Proof of possession first, then: a known key answers its state; a valid code binds the key to its endpoint
     * (replacing an active endpoint's key when the code was made to re-key it); no code queues a request, within
     * the queue's bounds; an area code queues it in that area, so that area's operator sees and approves it (a
     * request without a code has no area: province admins only). The answer is signed and bound to the request's nonce (contract: enroll).
     */
    public SignedStatement enroll(EnrollRequest req, String address, String method, String uri,
                                  UnaryOperator<String> headers, byte[] body) {
        queue.call(address);
        byte[] publicKey = authenticator.verifyProofOfPossession(req.publicKey(), method, uri, headers, body);
        String deviceId = Ed25519Keys.deviceId(publicKey);
        EndpointKind kind = EndpointService.kind(req.kind());
        String hardware = limit(req.hardwareJson());
        String name = req.name() == null || req.name().isBlank() ? "player-" + deviceId.substring(0, 8)
                : req.name().trim();
        long now = clock.millis();
        Bound bound = db.tx(c -> {
            Optional<DeviceRow> known = endpoints.byDeviceId(c, deviceId);
            if (known.isPresent()) {
                DeviceRow row = known.get();
                if (row.status() == EndpointStatus.REVOKED) {
                    throw new ApiException(403, "revoked", "Thiết bị đã bị thu hồi / this device has been revoked");
                }
                return new Bound(result(deviceId, row.endpointId(), row.status(), now), null, null, false);
            }
            Optional<Long> forEndpoint = Optional.empty();
            Long area = null;
            if (req.enrollmentCode() != null && !req.enrollmentCode().isBlank()) {
                String codeHash = EnrollmentCodes.hash(req.enrollmentCode());
                forEndpoint = codes.spend(c, codeHash, now);
                if (forEndpoint.isEmpty()) {
                    area = codes.spendArea(c, codeHash, now).orElseThrow(DeviceService::badCode);
                }
            }
            if (forEndpoint.isPresent()) {
                long endpointId = forEndpoint.get();
                DeviceRow target = endpoints.deviceOf(c, endpointId).orElseThrow(DeviceService::badCode);
                boolean replaces = target.status() == EndpointStatus.ACTIVE;
                if (!(replaces || target.status() == EndpointStatus.UNENROLLED) || target.kind() != kind) {
                    throw badCode();
                }
                endpoints.bindKey(c, endpointId, deviceId, req.publicKey(), hardware, EndpointStatus.ACTIVE);
                return new Bound(result(deviceId, endpointId, EndpointStatus.ACTIVE, now),
                        replaces ? target.deviceId() : "", null, false);
            }
            queue.ask(address, endpoints.countPending(c));
            long endpointId = endpoints.insertEnrolled(c, name, kind, area, deviceId, req.publicKey(), hardware, now);
            return new Bound(result(deviceId, endpointId, EndpointStatus.PENDING, now), null, area, true);
        });
        if (bound.replacedDevice() != null) {
            announceBound(bound, address);
        }
        if (bound.queuedInArea() != null) {
            audit.record(Actor.anonymous(address), "enroll with area code, waiting for approval",
                    "endpoints/" + bound.result().endpointId(), 200, new JsonObject()
                            .put("deviceId", deviceId).put("areaId", bound.queuedInArea()).encode());
        }
        if (bound.queued()) {
            requestListeners.forEach(l -> l.accept(bound.result().endpointId()));
        }
        byte[] answer = EnrollAnswer.bytes(bound.result(), headers.apply(RequestSignature.NONCE_HEADER));
        return new SignedStatement(answer, controllerSigner.apply(answer));
    }

    /** Told of each new request waiting for approval (committed), with its endpoint. */
    public void onRequested(LongConsumer listener) {
        requestListeners.add(listener);
    }

    /** Told of each key bound by a code: the endpoint, and the device whose key it replaced ("" if none). */
    public void onKeyBound(BiConsumer<Long, String> listener) {
        keyListeners.add(listener);
    }

    private void announceBound(Bound bound, String address) {
        long endpointId = bound.result().endpointId();
        changes.scheduleChanged(ChangeScope.endpoints(endpointId));
        keyListeners.forEach(l -> l.accept(endpointId, bound.replacedDevice()));
        String action = bound.replacedDevice().isEmpty() ? "enroll with code" : "re-key with code, replacing device "
                + bound.replacedDevice();
        audit.record(Actor.anonymous(address), action, "endpoints/" + endpointId, 200,
                new JsonObject().put("deviceId", bound.result().deviceId()).encode());
    }

    private EnrollResult result(String deviceId, long endpointId, EndpointStatus status, long now) {
        return new EnrollResult(deviceId, endpointId, status, controllerPublicKey, now);
    }

    /**
     * What an enroll did: its result; for a key bound by a code the device it replaced ("" if none); for a request
     * queued with an area code, that area; whether a new request joined the queue.
     */
    private record Bound(EnrollResult result, String replacedDevice, Long queuedInArea, boolean queued) {
    }

    /**
     * Keeps the device's facts and answers, signed, with the server time and the version of the timeline it
     * should hold, bound to the heartbeat's own nonce (contract: heartbeat).
     */
    public SignedStatement heartbeat(DeviceRow device, String nonce, String heartbeatJson,
                                     Supplier<String> timelineVersion) {
        if (heartbeatJson.length() > MAX_FACTS_CHARS) {
            throw ApiException.badRequest("too_large", "Heartbeat quá lớn / heartbeat larger than "
                    + MAX_FACTS_CHARS + " characters");
        }
        db.tx(c -> {
            endpoints.recordHeartbeat(c, device.endpointId(), clock.millis(), heartbeatJson);
            return null;
        });
        heartbeatListeners.forEach(l -> l.accept(device.endpointId(), heartbeatJson));
        String version = timelineVersion.get();
        byte[] body = HeartbeatAnswer.bytes(device.deviceId(), nonce, clock.millis(), version);
        return new SignedStatement(body, controllerSigner.apply(body));
    }

    /** Told of each stored heartbeat (the live hub announces what changed). */
    public void onHeartbeat(BiConsumer<Long, String> listener) {
        heartbeatListeners.add(listener);
    }

    private static String limit(String hardwareJson) {
        if (hardwareJson != null && hardwareJson.length() > MAX_FACTS_CHARS) {
            throw ApiException.badRequest("too_large", "Thông tin phần cứng quá lớn / hardware facts too large");
        }
        return hardwareJson;
    }

    private static ApiException badCode() {
        return new ApiException(403, "bad_enrollment_code", "Mã đăng ký sai, đã dùng hoặc hết hạn / enrollment code"
                + " is wrong, spent or expired");
    }
}
