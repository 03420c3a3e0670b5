package vn.bantin.agent.clock;

/**
 * Looks at the clock every second, so a jump of the system clock is noticed (and reported) even while
 * nothing else asks for the time, and writes the last seen controller time now and then.
 */
public final class ClockWatch implements Runnable {

    private static final long TICK_MS = 1_000;
    private static final long PERSIST_EVERY_MS = 600_000;

    private final AgentClock clock;
    private volatile boolean running = true;

    public ClockWatch(AgentClock clock) {
        this.clock = clock;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        long sincePersist = 0;
        while (running) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            clock.now();
            sincePersist += TICK_MS;
            if (sincePersist >= PERSIST_EVERY_MS) {
                clock.persist();
                sincePersist = 0;
            }
        }
    }
}
