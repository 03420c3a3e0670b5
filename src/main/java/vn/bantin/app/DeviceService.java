package vn.bantin.app;

import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.security.Ed25519Keys;
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

    public DeviceService(Database db, EndpointRepository endpoints, EnrollmentCodeRepository codes,
                         DeviceAuthenticator authenticator, String controllerPublicKey, ChangeNotifier changes,
                         Function<byte[], String> controllerSigner, Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.codes = codes;
        this.authenticator = authenticator;
        this.controllerPublicKey = controllerPublicKey;
        this.changes = changes;
        this.controllerSigner = controllerSigner;
        this.clock = clock;
    }

    public EnrollResult enroll(EnrollRequest req, String method, String uri, UnaryOperator<String> headers,
                               byte[] body) {
        byte[] publicKey = authenticator.verifyProofOfPossession(req.publicKey(), method, uri, headers, body);
        String deviceId = Ed25519Keys.deviceId(publicKey);
        EndpointKind kind = EndpointService.kind(req.kind());
        String hardware = limit(req.hardwareJson());
        String name = req.name() == null || req.name().isBlank() ? "player-" + deviceId.substring(0, 8)
                : req.name().trim();
        long now = clock.millis();
        boolean[] activated = {false};
        EnrollResult result = db.tx(c -> {
            Optional<DeviceRow> known = endpoints.byDeviceId(c, deviceId);
            if (known.isPresent()) {
                DeviceRow row = known.get();
                if (row.status() == EndpointStatus.REVOKED) {
                    throw new ApiException(403, "revoked", "Thiết bị đã bị thu hồi / this device has been revoked");
                }
                return new EnrollResult(deviceId, row.endpointId(), row.status(), controllerPublicKey, now);
            }
            if (req.enrollmentCode() != null && !req.enrollmentCode().isBlank()) {
                long endpointId = codes.spend(c, EnrollmentCodes.hash(req.enrollmentCode()), now)
                        .orElseThrow(DeviceService::badCode);
                DeviceRow target = endpoints.deviceOf(c, endpointId).orElseThrow(DeviceService::badCode);
                if (target.status() != EndpointStatus.UNENROLLED || target.kind() != kind) {
                    throw badCode();
                }
                endpoints.bindKey(c, endpointId, deviceId, req.publicKey(), hardware, EndpointStatus.ACTIVE);
                activated[0] = true;
                return new EnrollResult(deviceId, endpointId, EndpointStatus.ACTIVE, controllerPublicKey, now);
            }
            long endpointId = endpoints.insertEnrolled(c, name, kind, deviceId, req.publicKey(), hardware, now);
            return new EnrollResult(deviceId, endpointId, EndpointStatus.PENDING, controllerPublicKey, now);
        });
        if (activated[0]) {
            changes.scheduleChanged(ChangeScope.endpoints(result.endpointId()));
        }
        return result;
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
