package vn.bantin.app;

import vn.bantin.store.NonceRepository;
import java.util.concurrent.atomic.AtomicLong;

import vn.bantin.security.DeviceKey;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.RequestSignature;
import vn.bantin.security.ServerTimeStatement;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EndpointRepository.DeviceRow;

import java.time.Clock;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Authenticates agent requests as one device; revocation takes effect on the very next call. Each nonce is
 * also kept in the database while it could pass the clock check, so a captured request is refused after a
 * controller restart as well.
 */
public final class DeviceAuthenticator {

    /** Expired nonces are deleted on every this many authenticated calls. */
    private static final int FORGET_EVERY = 256;

    private final Database db;
    private final EndpointRepository endpoints;
    private final RequestSignature signatures;
    private final Function<byte[], String> controllerSigner;
    private final Clock clock;
    private final List<LongConsumer> authenticated = new CopyOnWriteArrayList<>();
    private final NonceRepository nonces = new NonceRepository();
    private final AtomicLong calls = new AtomicLong();

    public record SignedTime(long serverTime, String signature) {
    }

    public DeviceAuthenticator(Database db, EndpointRepository endpoints, RequestSignature signatures,
                               Function<byte[], String> controllerSigner, Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.signatures = signatures;
        this.controllerSigner = controllerSigner;
        this.clock = clock;
    }

    /** Told the endpoint id of every device call that authenticated: the device was heard from. */
    public void onAuthenticated(LongConsumer listener) {
        authenticated.add(listener);
    }

    /** The server time for a refusal of the request with this nonce, signed by the controller key. */
    public SignedTime serverTime(String nonce) {
        long now = clock.millis();
        return new SignedTime(now, controllerSigner.apply(ServerTimeStatement.bytesToSign(nonce, now)));
    }

    public DeviceRow authenticate(String method, String uri, UnaryOperator<String> headers, byte[] body) {
        RequestSignature.Verdict verdict = signatures.verify(method, uri, headers, body, this::deviceKey,
                clock.millis());
        String deviceId = accept(verdict);
        DeviceRow device = db.read(c -> endpoints.byDeviceId(c, deviceId)).orElseThrow();
        long now = clock.millis();
        String nonce = headers.apply(RequestSignature.NONCE_HEADER);
        long expiresAt = Long.parseLong(headers.apply(RequestSignature.TIMESTAMP_HEADER)) + RequestSignature.MAX_SKEW_MS;
        db.tx(c -> {
            if (!nonces.remember(c, deviceId, nonce, expiresAt)) {
                throw new ApiException(401, "replay", "Yêu cầu đã được dùng / Request replayed (nonce already used)");
            }
            if (calls.incrementAndGet() % FORGET_EVERY == 0) {
                nonces.forgetExpired(c, now);
            }
            endpoints.touch(c, device.endpointId(), now);
            return null;
        });
        authenticated.forEach(l -> l.accept(device.endpointId()));
        return device;
    }

    /** For enrollment: the request must be signed by the key it enrolls; returns that raw key. */
    public byte[] verifyProofOfPossession(String publicKeyBase64, String method, String uri,
                                          UnaryOperator<String> headers, byte[] body) {
        byte[] key;
        try {
            key = Ed25519Keys.publicKeyFromBase64(publicKeyBase64);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_key", "publicKey must be a base64 raw 32-byte Ed25519 key");
        }
        accept(signatures.verifyProofOfPossession(method, uri, headers, body, key, clock.millis()));
        return key;
    }

    private Optional<DeviceKey> deviceKey(String deviceId) {
        return db.read(c -> endpoints.byDeviceId(c, deviceId))
                .map(d -> new DeviceKey(Ed25519Keys.publicKeyFromBase64(d.publicKey()), d.status()));
    }

    private static String accept(RequestSignature.Verdict verdict) {
        if (verdict instanceof RequestSignature.Failed failed) {
            throw new ApiException(401, failed.code(), failed.message());
        }
        return ((RequestSignature.Ok) verdict).deviceId();
    }
}
