package vn.bantin.agent.sync;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Ed25519Stream;
import vn.bantin.agent.crypto.Hashes;

/** Accepts a timeline only if the pinned controller key signed these exact bytes and it names this device. */
public final class TimelineVerifier {

    /**
     * Up to this size a body is checked in memory by the JDK, which is quicker from a cold start; a bigger one is
     * read from its file in pieces, so a week of bulletins (megabytes) is never in the heap whole.
     */
    static final long IN_MEMORY_MAX_BYTES = 1 << 20;
    private static final int PIECE = 64 * 1024;

    /** A verified timeline and its ETag (the body's SHA-256). */
    public record Verified(Timeline timeline, String etag) {
    }

    private final byte[] controllerKey;
    private final String deviceId;

    public TimelineVerifier(byte[] controllerKey, String deviceId) {
        this.controllerKey = controllerKey.clone();
        this.deviceId = deviceId;
    }

    public Timeline verify(byte[] body, String signature) throws TimelineRejected {
        return verifyInMemory(body, signature).timeline();
    }

    public Verified verify(SignedTimelineFile signed) throws TimelineRejected, IOException {
        if (signed.bodyLength() <= IN_MEMORY_MAX_BYTES) {
            return verifyInMemory(signed.bodyBytes(), signed.signature());
        }
        requireSigned(signed.signature());
        Ed25519Stream check = Ed25519Stream.of(controllerKey, signed.signature());
        MessageDigest sha256 = Hashes.sha256();
        byte[] piece = new byte[PIECE];
        try (InputStream in = signed.body()) {
            for (int n; (n = in.read(piece)) > 0; ) {
                check.update(piece, 0, n);
                sha256.update(piece, 0, n);
            }
        }
        if (!check.verify()) {
            throw notVerified();
        }
        try (InputStream in = signed.body()) {
            return new Verified(named(parsed(in)), etag(sha256.digest()));
        }
    }

    private Verified verifyInMemory(byte[] body, String signature) throws TimelineRejected {
        requireSigned(signature);
        if (!Ed25519.verify(controllerKey, body, signature)) {
            throw notVerified();
        }
        return new Verified(named(parsed(body)), etag(Hashes.sha256().digest(body)));
    }

    private static void requireSigned(String signature) throws TimelineRejected {
        if (signature == null || signature.isBlank()) {
            throw new TimelineRejected("timeline is unsigned");
        }
    }

    private static TimelineRejected notVerified() {
        return new TimelineRejected("timeline signature does not verify with the pinned controller key");
    }

    private static Timeline parsed(byte[] body) throws TimelineRejected {
        try {
            return TimelineParser.parse(body);
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    /** An IOException here is the JSON's fault: the file was read through once already. */
    private static Timeline parsed(InputStream body) throws TimelineRejected {
        try {
            return TimelineParser.parse(body);
        } catch (IOException | RuntimeException e) {
            throw malformed(e);
        }
    }

    private static TimelineRejected malformed(Exception e) {
        return new TimelineRejected("timeline is malformed: " + e.getMessage());
    }

    private Timeline named(Timeline timeline) throws TimelineRejected {
        if (!deviceId.equals(timeline.deviceId())) {
            throw new TimelineRejected("timeline is for device " + timeline.deviceId() + ", not " + deviceId);
        }
        return timeline;
    }

    private static String etag(byte[] sha256) {
        return "\"" + HexFormat.of().formatHex(sha256) + "\"";
    }

    public static final class TimelineRejected extends Exception {
        public TimelineRejected(String message) {
            super(message);
        }
    }
}
