package vn.bantin.agent.sync;

import java.util.List;

/**
 * A verified timeline as the contract describes it; times are controller epoch ms. {@code serial} grows
 * with every timeline the controller issues to this device.
 */
public record Timeline(String deviceId, String version, long serial, long from, long to, List<Entry> entries) {

    /**
     * @param stream what a STREAM entry relays (its items: the fallback, or none for silence); null otherwise
     */
    public record Entry(String id, long start, long end, String mode, String clazz, Long campaignId,
                        String campaign, int volume, long anchor, List<Item> items, Stream stream) {

        public Entry(String id, long start, long end, String mode, String clazz, Long campaignId, String campaign,
                     int volume, long anchor, List<Item> items) {
            this(id, start, end, mode, clazz, campaignId, campaign, volume, anchor, items, null);
        }

        public boolean isLoop() {
            return "LOOP".equals(mode);
        }

        public boolean isStream() {
            return "STREAM".equals(mode);
        }

        public long cycleMs() {
            long sum = 0;
            for (Item i : items) {
                sum += i.durationMs();
            }
            return sum;
        }
    }

    /** The live stream a STREAM entry relays, as the controller signed it. */
    public record Stream(String url, String name, Long sourceId, Long liveSessionId, Long epochMs) {
    }

    public record Item(String sha256, long size, long durationMs, String kind, String url) {

        public boolean isImage() {
            return "IMAGE".equals(kind);
        }
    }

    /** Index of the last entry starting at or before {@code t}, or -1: entries are sorted by start. */
    public int lastStartingBy(long t) {
        int lo = 0;
        int hi = entries.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).start() <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    void checkShape() {
        long previousEnd = Long.MIN_VALUE;
        for (Entry e : entries) {
            if (e.start() >= e.end() || e.start() < previousEnd || e.items().isEmpty() && !e.isStream()) {
                throw new IllegalArgumentException("entry " + e.id() + " overlaps, is empty or ends before it starts");
            }
            if (e.isStream() != (e.stream() != null) || e.isStream() && (e.items().size() > 1
                    || !e.stream().url().matches("(?i)https?://[^\\s@#]+"))) {
                throw new IllegalArgumentException("entry " + e.id() + " has a bad stream");
            }
            if (e.isLoop() && (e.anchor() > e.start() || e.cycleMs() <= 0)) {
                throw new IllegalArgumentException("loop entry " + e.id() + " has a bad anchor or cycle");
            }
            if (!e.isLoop() && !e.isStream() && !"ONCE".equals(e.mode())) {
                throw new IllegalArgumentException("entry " + e.id() + " has unknown mode " + e.mode());
            }
            previousEnd = e.end();
        }
    }
}
