package vn.bantin.agent.clock;

import java.util.concurrent.atomic.AtomicLong;

/** A system clock that reads {@code shift} ms off, and can be moved, as a misset or jumping clock would. */
public final class ShiftedTime implements TimeSource {

    private final AtomicLong shift;

    private ShiftedTime(long shiftMs) {
        this.shift = new AtomicLong(shiftMs);
    }

    public static ShiftedTime by(long shiftMs) {
        return new ShiftedTime(shiftMs);
    }

    public void move(long ms) {
        shift.addAndGet(ms);
    }

    @Override
    public long wallMs() {
        return System.currentTimeMillis() + shift.get();
    }

    @Override
    public long monoMs() {
        return System.nanoTime() / 1_000_000;
    }
}
