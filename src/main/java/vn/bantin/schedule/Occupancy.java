package vn.bantin.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Disjoint half-open intervals [start, end) already given to something, each with a label for messages. */
final class Occupancy {

    record Block(long start, long end, String label) {
    }

    private final TreeMap<Long, Block> blocks = new TreeMap<>();

    /** The earliest block overlapping [start, end), or null. */
    Block firstOverlap(long start, long end) {
        Map.Entry<Long, Block> before = blocks.floorEntry(start);
        if (before != null && before.getValue().end() > start) {
            return before.getValue();
        }
        Map.Entry<Long, Block> after = blocks.higherEntry(start);
        return after != null && after.getKey() < end ? after.getValue() : null;
    }

    /** The earliest t ≥ start such that [t, t + length) is free. */
    long earliestFree(long start, long length) {
        long t = start;
        for (Block b = firstOverlap(t, t + length); b != null; b = firstOverlap(t, t + length)) {
            t = b.end();
        }
        return t;
    }

    /** The free parts of [start, end), in order. */
    List<long[]> free(long start, long end) {
        List<long[]> parts = new ArrayList<>();
        long t = start;
        Map.Entry<Long, Block> before = blocks.floorEntry(start);
        if (before != null) {
            t = Math.max(t, before.getValue().end());
        }
        for (Block b : blocks.subMap(start, false, end, false).values()) {
            if (b.start() > t) {
                parts.add(new long[] {t, b.start()});
            }
            t = Math.max(t, b.end());
        }
        if (t < end) {
            parts.add(new long[] {t, end});
        }
        return parts;
    }

    void add(long start, long end, String label) {
        if (firstOverlap(start, end) != null) {
            throw new IllegalStateException("overlap at [" + start + ", " + end + ")");
        }
        blocks.put(start, new Block(start, end, label));
    }
}
