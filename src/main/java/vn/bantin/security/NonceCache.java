package vn.bantin.security;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nonces seen per device, each kept only while a request carrying it could still pass the clock-skew check
 * (until its timestamp + the window). Memory is bounded: a device that sends more than
 * {@code maxPerDevice} requests within one window is refused rather than having old nonces forgotten,
 * because forgetting a live nonce would re-open it to replay. Thread-safe.
 */
public final class NonceCache {

    public enum Outcome { FRESH, REPLAY, FULL }

    public static final int DEFAULT_MAX_PER_DEVICE = 4096;

    private final long windowMs;
    private final int maxPerDevice;
    private final ConcurrentHashMap<String, DeviceNonces> devices = new ConcurrentHashMap<>();

    public NonceCache(long windowMs, int maxPerDevice) {
        if (windowMs <= 0 || maxPerDevice <= 0) {
            throw new IllegalArgumentException("window and capacity must be positive");
        }
        this.windowMs = windowMs;
        this.maxPerDevice = maxPerDevice;
    }

    public NonceCache() {
        this(RequestSignature.MAX_SKEW_MS, DEFAULT_MAX_PER_DEVICE);
    }

    /** Records the nonce unless it was already seen for this device within the window. */
    public Outcome checkAndRemember(String deviceId, String nonce, long timestampMs, long nowMs) {
        while (true) {
            DeviceNonces nonces = devices.computeIfAbsent(deviceId, id -> new DeviceNonces());
            synchronized (nonces) {
                if (!nonces.retired) {
                    return remember(nonces, nonce, timestampMs, nowMs);
                }
            }
        }
    }

    private Outcome remember(DeviceNonces nonces, String nonce, long timestampMs, long nowMs) {
        nonces.evict(nowMs);
        if (nonces.expiries.containsKey(nonce)) {
            return Outcome.REPLAY;
        }
        if (nonces.expiries.size() >= maxPerDevice) {
            return Outcome.FULL;
        }
        // a request with this timestamp fails the skew check once now > timestamp + window
        long expiresAt = timestampMs + windowMs;
        nonces.expiries.put(nonce, expiresAt);
        nonces.queue.add(new Expiry(expiresAt, nonce));
        return Outcome.FRESH;
    }

    /** Drops expired nonces and devices with none left; call it from a periodic timer. */
    public void evictExpired(long nowMs) {
        devices.forEach((deviceId, nonces) -> {
            synchronized (nonces) {
                nonces.evict(nowMs);
                if (nonces.expiries.isEmpty()) {
                    nonces.retired = true;
                    devices.remove(deviceId, nonces);
                }
            }
        });
    }

    /** Nonces currently held, over all devices. */
    public int size() {
        int total = 0;
        for (DeviceNonces nonces : devices.values()) {
            synchronized (nonces) {
                total += nonces.expiries.size();
            }
        }
        return total;
    }

    private record Expiry(long atMs, String nonce) {
    }

    private static final class DeviceNonces {
        private final Map<String, Long> expiries = new HashMap<>();
        private final PriorityQueue<Expiry> queue = new PriorityQueue<>((a, b) -> Long.compare(a.atMs(), b.atMs()));
        /** Set under the lock when evictExpired removes this object from the map; callers then retry. */
        private boolean retired;

        private void evict(long nowMs) {
            while (!queue.isEmpty() && queue.peek().atMs() < nowMs) {
                expiries.remove(queue.poll().nonce());
            }
        }
    }
}
