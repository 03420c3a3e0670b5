package vn.bantin.agent.sync;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Retry delays that double from {@code min} to {@code max}, each drawn at random from the upper half of
 * the current step, so a thousand agents refused by a restarted controller do not all come back in the
 * same second. {@link #jittered} spreads periodic work the same way.
 */
public final class Backoff {

    private final long minMs;
    private final long maxMs;
    private long stepMs;

    public Backoff(long minMs, long maxMs) {
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.stepMs = minMs;
    }

    /** The delay before the next attempt; the step doubles for the one after. */
    public synchronized long next() {
        long delay = stepMs / 2 + ThreadLocalRandom.current().nextLong(stepMs / 2 + 1);
        stepMs = Math.min(stepMs * 2, maxMs);
        return delay;
    }

    public synchronized void reset() {
        stepMs = minMs;
    }

    /** {@code ms} moved at random by up to a tenth either way. */
    public static long jittered(long ms) {
        long spread = ms / 10;
        return spread <= 0 ? ms : ms - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1);
    }
}
