package vn.bantin.agent.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;
import vn.bantin.agent.status.Faults;

/**
 * The agent's estimate of controller time: the system clock plus an offset. The offset only moves
 * for two reasons. A jump of the system clock (seen against the monotonic clock) is taken out of it,
 * so controller time runs on unbroken and nothing plays twice or is skipped; the jump is reported.
 * A signed measurement from the controller moves it at once when the change is small, and only when a
 * second signed answer agrees when it is big; the big correction is reported, and listeners
 * re-evaluate what is due. Offset and last seen controller time survive restarts.
 */
public final class AgentClock {

    private static final Logger LOG = Logger.getLogger(AgentClock.class.getName());
    static final long JUMP_THRESHOLD_MS = 1_000;
    private static final long PENDING_TTL_MS = 600_000;

    private final Path file;
    private final TimeSource source;
    private final long maxStepMs;
    private final List<LongConsumer> offsetListeners = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> stepListeners = new CopyOnWriteArrayList<>();
    private volatile Faults faults;
    /*
     * Offset and the wall-minus-monotonic base it belongs to change together, as one value: a thread that saw
     * the new base with the old offset read controller time off by the whole jump (an hour forward), and the
     * player recorded an entry it was about to play as MISSED.
     */
    private volatile Reading reading;
    private long lastSeenAtBoot;
    private Long pendingOffset;
    private long pendingAtMono;

    public AgentClock(Path stateDir, TimeSource source, long maxStepMs) {
        this.file = stateDir.resolve("clock-offset");
        this.source = source;
        this.maxStepMs = maxStepMs;
        long offset = 0;
        if (Files.exists(file)) {
            try {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
                offset = Long.parseLong(parts[0]);
                lastSeenAtBoot = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
            } catch (IOException | NumberFormatException e) {
                LOG.warning("ignoring unreadable clock offset: " + e.getMessage());
            }
        }
        this.reading = new Reading(source.wallMs() - source.monoMs(), offset);
    }

    /** The offset in force and the wall-minus-monotonic base of the system clock it was set against. */
    private record Reading(long wallMinusMono, long offsetMs) {

        boolean fits(long wall, long mono) {
            return Math.abs(wall - mono - wallMinusMono) <= JUMP_THRESHOLD_MS;
        }
    }

    /** The default: system clock, corrections up to 1 s applied without confirmation. */
    public AgentClock(Path stateDir) {
        this(stateDir, TimeSource.system(), 1_000);
    }

    /** Reports go here from now on; a clock behind the last controller time seen before the restart is one. */
    public void reportTo(Faults sink) {
        this.faults = sink;
        long now = now();
        if (lastSeenAtBoot > 0 && now < lastSeenAtBoot - JUMP_THRESHOLD_MS) {
            sink.raise("clock_behind", "the clock reads " + (lastSeenAtBoot - now) + " ms before the last time this"
                    + " agent saw before it stopped; waiting for a signed answer from the controller");
        }
    }

    /** Controller time as this agent estimates it, epoch ms. */
    public long now() {
        Reading r = reading;
        long wall = source.wallMs();
        long mono = source.monoMs();
        return r.fits(wall, mono) ? wall + r.offsetMs() : afterJump();
    }

    public long offsetMs() {
        return reading.offsetMs();
    }

    /** Starts timing a request: the local time at its middle is {@code start + rtt/2} on the monotonic clock. */
    public Probe probe() {
        return new Probe(source.wallMs(), source.monoMs());
    }

    public final class Probe {
        private final long wallAtSend;
        private final long monoAtSend;

        private Probe(long wallAtSend, long monoAtSend) {
            this.wallAtSend = wallAtSend;
            this.monoAtSend = monoAtSend;
        }

        /** The offset a signed server time implies, and how uncertain it is (half the round trip). */
        public Measurement measure(long serverTime) {
            long rtt = Math.max(0, source.monoMs() - monoAtSend);
            return new Measurement(serverTime - (wallAtSend + rtt / 2), rtt / 2);
        }
    }

    public record Measurement(long offsetMs, long uncertaintyMs) {
    }

    public enum Verdict { APPLIED, AWAITING_CONFIRMATION }

    /** A server time the controller signed, bound to our request: apply it within the bounds. */
    public synchronized Verdict signedMeasurement(Measurement m, String from) {
        long delta = m.offsetMs() - reading.offsetMs();
        if (Math.abs(delta) <= maxStepMs) {
            pendingOffset = null;
            clearFault("clock_unconfirmed");
            set(m.offsetMs());
            return Verdict.APPLIED;
        }
        long mono = source.monoMs();
        boolean confirms = pendingOffset != null && mono - pendingAtMono < PENDING_TTL_MS
                && Math.abs(m.offsetMs() - pendingOffset) <= Math.max(JUMP_THRESHOLD_MS, 2 * m.uncertaintyMs());
        if (!confirms) {
            pendingOffset = m.offsetMs();
            pendingAtMono = mono;
            raise("clock_unconfirmed", "controller time (" + from + ") differs from ours by " + delta
                    + " ms; applied only when a second signed answer agrees");
            return Verdict.AWAITING_CONFIRMATION;
        }
        pendingOffset = null;
        clearFault("clock_unconfirmed");
        clearFault("clock_behind");
        event("clock_corrected", "controller time confirmed by two signed answers: offset moved by " + delta + " ms");
        set(m.offsetMs());
        stepListeners.forEach(l -> l.accept(delta));
        return Verdict.APPLIED;
    }

    /**
     * The system clock read differently from the reading in force: sampled again under the lock, since another
     * thread may have taken the jump out already (or this thread read the clock from before it). The new reading
     * is published before anyone is told, so every thread sees controller time run on unbroken.
     */
    private synchronized long afterJump() {
        long wall = source.wallMs();
        long mono = source.monoMs();
        Reading r = reading;
        if (r.fits(wall, mono)) {
            return wall + r.offsetMs();
        }
        long jump = wall - mono - r.wallMinusMono();
        Reading after = new Reading(wall - mono, r.offsetMs() - jump);
        reading = after;
        persist();
        offsetListeners.forEach(l -> l.accept(after.offsetMs()));
        event("clock_jump", "the system clock moved by " + jump + " ms; controller time kept running on the"
                + " monotonic clock until the controller confirms it");
        return wall + after.offsetMs();
    }

    /** A signed offset, against the system clock as it reads now. */
    private void set(long newOffsetMs) {
        Reading r = reading;
        if (newOffsetMs == r.offsetMs()) {
            return;
        }
        reading = new Reading(r.wallMinusMono(), newOffsetMs);
        persist();
        offsetListeners.forEach(l -> l.accept(newOffsetMs));
    }

    /** Writes offset and the current controller time, so the next start can tell if the clock went back. */
    public void persist() {
        long offset = reading.offsetMs();
        long now = source.wallMs() + offset;
        try {
            AtomicFiles.write(file, (offset + " " + now + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warning("cannot persist clock offset: " + e.getMessage());
        }
    }

    /** Offset changes, for status and heartbeat. */
    public void onChange(LongConsumer listener) {
        offsetListeners.add(listener);
    }

    /** Confirmed corrections that moved controller time by the given ms: what is due must be worked out again. */
    public void onStep(LongConsumer listener) {
        stepListeners.add(listener);
    }

    private void raise(String code, String detail) {
        Faults f = faults;
        if (f != null) {
            f.raise(code, detail);
        }
    }

    private void clearFault(String code) {
        Faults f = faults;
        if (f != null) {
            f.clear(code);
        }
    }

    private void event(String code, String detail) {
        Faults f = faults;
        if (f != null) {
            f.event(code, detail);
        } else {
            LOG.warning(code + ": " + detail);
        }
    }
}
