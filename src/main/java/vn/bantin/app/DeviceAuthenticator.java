package vn.bantin.app;

import vn.bantin.domain.EndpointStatus;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.NonceCache;
import vn.bantin.security.RequestSignature;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EndpointRepository.DeviceRow;

import java.time.Clock;
import java.util.function.Function;

/** Authenticates agent requests as one device; revocation takes effect on the very next call. */
public final class DeviceAuthenticator {

    private final Database db;
    private final EndpointRepository endpoints;
    private final NonceCache nonces;
    private final Clock clock;

    public DeviceAuthenticator(Database db, EndpointRepository endpoints, NonceCache nonces, Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.nonces = nonces;
        this.clock = clock;
    }

    public DeviceRow authenticate(String method, String uri, Function<String, String> headers, byte[] body) {
        RequestSignature.Signed signed = signed(headers);
        DeviceRow device = db.read(c -> endpoints.byDeviceId(c, signed.deviceId()))
                .orElseThrow(() -> refuse("unknown_device", "Unknown device " + signed.deviceId()));
        byte[] key = Ed25519Keys.decode(device.publicKey(), Ed25519Keys.KEY_BYTES);
        check(signed, key, method, uri, body);
        if (device.status() == EndpointStatus.REVOKED) {
            throw refuse("revoked", "Thiết bị đã bị thu hồi / this device has been revoked");
        }
        if (device.status() != EndpointStatus.ACTIVE) {
            throw refuse("not_approved", "Thiết bị chưa được duyệt / this device is waiting for approval");
        }
        long now = clock.millis();
        db.tx(c -> {
            endpoints.touch(c, device.endpointId(), now);
            return null;
        });
        return device;
    }

    /** For enrollment: the request must be signed by the key it enrolls; returns that raw key. */
    public byte[] verifyProofOfPossession(String publicKeyBase64, String method, String uri,
                                          Function<String, String> headers, byte[] body) {
        byte[] key = Ed25519Keys.decode(publicKeyBase64, Ed25519Keys.KEY_BYTES);
        if (key == null) {
            throw ApiException.badRequest("bad_key", "publicKey must be a base64 raw 32-byte Ed25519 key");
        }
        RequestSignature.Signed signed = signed(headers);
        if (!signed.deviceId().equals(Ed25519Keys.deviceId(key))) {
            throw refuse("bad_signature", "X-Bantin-Device does not match the enrolled public key");
        }
        check(signed, key, method, uri, body);
        return key;
    }

    private void check(RequestSignature.Signed signed, byte[] key, String method, String uri, byte[] body) {
        RequestSignature.Failure failure = RequestSignature.check(signed, key, method, uri, body, nonces,
                clock.millis());
        if (failure != null) {
            throw refuse(failure.code(), failure.message());
        }
    }

    private static RequestSignature.Signed signed(Function<String, String> headers) {
        RequestSignature.Headers read = RequestSignature.read(headers);
        if (read instanceof RequestSignature.Failure f) {
            throw refuse(f.code(), f.message());
        }
        return (RequestSignature.Signed) read;
    }

    private static ApiException refuse(String code, String message) {
        return new ApiException(401, code, message);
    }
}
