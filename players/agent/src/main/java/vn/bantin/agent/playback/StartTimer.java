package vn.bantin.agent.playback;

import vn.bantin.agent.clock.AgentClock;

/** Waits for an instant of controller time: sleeps most of the way, spins the last few milliseconds. */
final class StartTimer {

    private static final long SPIN_MS = 20;

    private final AgentClock clock;

    StartTimer(AgentClock clock) {
        this.clock = clock;
    }

    void waitUntil(long t) throws InterruptedException {
        long remaining = t - clock.now();
        if (remaining > SPIN_MS) {
            Thread.sleep(remaining - SPIN_MS);
        }
        while (clock.now() < t) {
            Thread.onSpinWait();
        }
    }
}
