package vn.bantin.agent.playback;

import java.util.Arrays;

/**
 * How long this mpv on this board takes to open a file and stand paused at its start, from the recent loads:
 * the switch to the next loop item is made that much before its time, so it starts on time instead of that
 * much late (the silence between the two is the same either way; only its place moves). Measured, not
 * guessed: an idle desktop opens a file in 15 ms, a loaded Pi in over 100.
 */
final class SwitchLead {

    static final long MAX_MS = 150;
    private static final int KEPT = 32;

    private final long[] recent = new long[KEPT];
    private int count;
    private int next;

    synchronized void observed(long loadMs) {
        if (loadMs < 0) {
            return;
        }
        recent[next] = loadMs;
        next = (next + 1) % KEPT;
        count = Math.min(count + 1, KEPT);
    }

    /** The 90th percentile of the recent loads, at most {@link #MAX_MS}; 0 before any was seen. */
    synchronized long ms() {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(recent, count);
        Arrays.sort(sorted);
        return Math.min(MAX_MS, sorted[(int) Math.ceil(0.9 * count) - 1]);
    }
}
