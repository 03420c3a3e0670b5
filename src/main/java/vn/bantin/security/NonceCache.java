package vn.bantin.security;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Nonces seen within the accepted clock window, so a captured request cannot be replayed. A request
 * older than the window is refused for its timestamp, so older nonces can be forgotten.
 */
public final class NonceCache {

    public static final long WINDOW_MS = 300_000;
    private static final int MAX_ENTRIES = 1_000_000;

    private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

    /** True the first time (deviceId, nonce) is seen within the window; false for a replay. */
    public synchronized boolean firstUse(String deviceId, String nonce, long nowMs) {
        evict(nowMs);
        String key = deviceId + ':' + nonce;
        if (seen.containsKey(key)) {
            return false;
        }
        seen.put(key, nowMs);
        return true;
    }

    synchronized int size() {
        return seen.size();
    }

    private void evict(long nowMs) {
        Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Long> e = it.next();
            // twice the window: a nonce must outlive every timestamp that could still be accepted with it
            if (e.getValue() < nowMs - 2 * WINDOW_MS || seen.size() > MAX_ENTRIES) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
