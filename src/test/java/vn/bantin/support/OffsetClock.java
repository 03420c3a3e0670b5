package vn.bantin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The real clock moved on by whatever a test says: days can pass in a second, time still runs. */
public final class OffsetClock extends Clock {

    private final AtomicLong offsetMs;
    private final ZoneId zone;

    public OffsetClock() {
        this(new AtomicLong(), ZoneOffset.UTC);
    }

    private OffsetClock(AtomicLong offsetMs, ZoneId zone) {
        this.offsetMs = offsetMs;
        this.zone = zone;
    }

    public void advance(Duration by) {
        offsetMs.addAndGet(by.toMillis());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moved-on time, seen in another zone: advancing either advances both. */
    @Override
    public Clock withZone(ZoneId other) {
        return new OffsetClock(offsetMs, other);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMs.get();
    }
}
