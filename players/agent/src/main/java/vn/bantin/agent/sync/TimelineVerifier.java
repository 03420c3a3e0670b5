package vn.bantin.agent.sync;

import java.io.IOException;

/** Accepts a timeline only if the pinned controller key signed these exact bytes and it names this device. */
public final class TimelineVerifier {

    private final byte[] controllerKey;
    private final String deviceId;

    public TimelineVerifier(byte[] controllerKey, String deviceId) {
        this.controllerKey = controllerKey.clone();
        this.deviceId = deviceId;
    }

    public Timeline verify(byte[] body, String signature) throws TimelineRejected {
        if (signature == null || signature.isBlank()) {
            throw new TimelineRejected("timeline is unsigned");
        }
        if (!vn.bantin.agent.crypto.Ed25519.verify(controllerKey, body, signature)) {
            throw new TimelineRejected("timeline signature does not verify with the pinned controller key");
        }
        Timeline timeline;
        try {
            timeline = TimelineParser.parse(body);
        } catch (IOException | RuntimeException e) {
            throw new TimelineRejected("timeline is malformed: " + e.getMessage());
        }
        if (!deviceId.equals(timeline.deviceId())) {
            throw new TimelineRejected("timeline is for device " + timeline.deviceId() + ", not " + deviceId);
        }
        return timeline;
    }

    public static final class TimelineRejected extends Exception {
        public TimelineRejected(String message) {
            super(message);
        }
    }
}
