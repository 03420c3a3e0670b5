package vn.bantin.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Disjoint half-open intervals [start, end) already given to something, each with a label for messages.
 * Kept as parallel arrays sorted by start: a group places thousands of blocks and looks up many more.
 */
final class Occupancy {

    record Block(long start, long end, String label) {
    }

    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private String[] labels = new String[64];
    private int size;

    /** The earliest block overlapping [start, end), or null. */
    Block firstOverlap(long start, long end) {
        int i = firstOverlapIndex(start, end);
        return i < 0 ? null : new Block(starts[i], ends[i], labels[i]);
    }

    /** The earliest t ≥ start such that [t, t + length) is free. */
    long earliestFree(long start, long length) {
        long t = start;
        for (int i = firstOverlapIndex(t, t + length); i >= 0; i = firstOverlapIndex(t, t + length)) {
            t = ends[i];
        }
        return t;
    }

    /** The free parts of [start, end), in order. */
    List<long[]> free(long start, long end) {
        List<long[]> parts = new ArrayList<>();
        long t = start;
        int i = floor(start);
        if (i >= 0) {
            t = Math.max(t, ends[i]);
        }
        for (i++; i < size && starts[i] < end; i++) {
            if (starts[i] > t) {
                parts.add(new long[] {t, starts[i]});
            }
            t = Math.max(t, ends[i]);
        }
        if (t < end) {
            parts.add(new long[] {t, end});
        }
        return parts;
    }

    void add(long start, long end, String label) {
        if (firstOverlapIndex(start, end) >= 0) {
            throw new IllegalStateException("overlap at [" + start + ", " + end + ")");
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, 2 * size);
            ends = Arrays.copyOf(ends, 2 * size);
            labels = Arrays.copyOf(labels, 2 * size);
        }
        int at = floor(start) + 1;
        System.arraycopy(starts, at, starts, at + 1, size - at);
        System.arraycopy(ends, at, ends, at + 1, size - at);
        System.arraycopy(labels, at, labels, at + 1, size - at);
        starts[at] = start;
        ends[at] = end;
        labels[at] = label;
        size++;
    }

    private int firstOverlapIndex(long start, long end) {
        int before = floor(start);
        if (before >= 0 && ends[before] > start) {
            return before;
        }
        int after = before + 1;
        return after < size && starts[after] < end ? after : -1;
    }

    /** The index of the last block starting at or before {@code t}, or -1. */
    private int floor(long t) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] <= t) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }
}
