package vn.bantin.agent.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A verified timeline as the contract describes it; times are controller epoch ms. */
public record Timeline(String deviceId, String version, long from, long to, List<Entry> entries) {

    public record Entry(String id, long start, long end, String mode, String clazz, Long campaignId,
                        String campaign, int volume, long anchor, List<Item> items) {

        public boolean isLoop() {
            return "LOOP".equals(mode);
        }

        public long cycleMs() {
            return items.stream().mapToLong(Item::durationMs).sum();
        }
    }

    public record Item(String sha256, long size, long durationMs, String kind, String url) {

        public boolean isImage() {
            return "IMAGE".equals(kind);
        }
    }

    /** Reads the parsed JSON body; throws IllegalArgumentException on anything missing or malformed. */
    @SuppressWarnings("unchecked")
    static Timeline fromJson(Map<String, Object> body) {
        List<Entry> entries = new ArrayList<>();
        for (Object e : (List<Object>) require(body, "entries")) {
            Map<String, Object> m = (Map<String, Object>) e;
            List<Item> items = new ArrayList<>();
            for (Object i : (List<Object>) require(m, "items")) {
                Map<String, Object> im = (Map<String, Object>) i;
                String sha = (String) require(im, "sha256");
                if (!sha.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("bad sha256 " + sha);
                }
                items.add(new Item(sha, num(im, "size"), num(im, "durationMs"), (String) require(im, "kind"),
                        (String) require(im, "url")));
            }
            long start = num(m, "start");
            Object anchor = m.get("anchor");
            Object campaignId = m.get("campaignId");
            entries.add(new Entry((String) require(m, "id"), start, num(m, "end"), (String) require(m, "mode"),
                    (String) require(m, "class"), campaignId == null ? null : ((Number) campaignId).longValue(),
                    (String) m.get("campaign"), (int) num(m, "volume"),
                    anchor == null ? start : ((Number) anchor).longValue(), List.copyOf(items)));
        }
        Timeline timeline = new Timeline((String) require(body, "deviceId"), (String) require(body, "version"),
                num(body, "from"), num(body, "to"), List.copyOf(entries));
        timeline.checkShape();
        return timeline;
    }

    private void checkShape() {
        long previousEnd = Long.MIN_VALUE;
        for (Entry e : entries) {
            if (e.start() >= e.end() || e.start() < previousEnd || e.items().isEmpty()) {
                throw new IllegalArgumentException("entry " + e.id() + " overlaps, is empty or ends before it starts");
            }
            if (e.isLoop() && (e.anchor() > e.start() || e.cycleMs() <= 0)) {
                throw new IllegalArgumentException("loop entry " + e.id() + " has a bad anchor or cycle");
            }
            if (!e.isLoop() && !"ONCE".equals(e.mode())) {
                throw new IllegalArgumentException("entry " + e.id() + " has unknown mode " + e.mode());
            }
            previousEnd = e.end();
        }
    }

    private static Object require(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return v;
    }

    private static long num(Map<String, Object> m, String key) {
        return ((Number) require(m, key)).longValue();
    }
}
