package vn.bantin.agent.clock;

/**
 * Where the agent reads time: the system's wall clock, which an administrator, NTP or a lost RTC can
 * move at any moment, and a monotonic clock, which only ever runs forward. Everything that needs time
 * takes it from here, so a test can move the wall clock of a real agent process.
 */
public interface TimeSource {

    /** Epoch milliseconds of the system clock. */
    long wallMs();

    /** Milliseconds since an arbitrary origin, never going back. */
    long monoMs();

    static TimeSource system() {
        return new TimeSource() {
            @Override
            public long wallMs() {
                return System.currentTimeMillis();
            }

            @Override
            public long monoMs() {
                return System.nanoTime() / 1_000_000;
            }
        };
    }
}
