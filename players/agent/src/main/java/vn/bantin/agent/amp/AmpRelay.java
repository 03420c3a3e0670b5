package vn.bantin.agent.amp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import vn.bantin.agent.playback.PlaybackEvents;
import vn.bantin.agent.playback.Segment;
import vn.bantin.agent.status.Faults;

/**
 * Switches the amplifier on the lead before the next sound (so the first syllable is heard) and off once
 * nothing has played for the hold time (so items close together share one on/off pair). The commands run on
 * this object's own thread: the player never waits for them, so a slow or hung command can delay nothing, and
 * an emergency alert cuts a running off command short to switch on at once. Failures raise {@code amp_failed}.
 */
public final class AmpRelay implements PlaybackEvents, Runnable {

    private static final Logger LOG = Logger.getLogger(AmpRelay.class.getName());
    static final long RETRY_MS = 5_000;

    private enum Action { ON, OFF }

    private final AmpSettings settings;
    private final AmpCommand on;
    private final AmpCommand off;
    private final Faults faults;
    private final LongSupplier now;
    private final long leadMs;
    private Boolean isOn;
    private boolean playing;
    private boolean urgent;
    private boolean running = true;
    private long expectedAt = Long.MAX_VALUE;
    private long quietSince;
    private long retryAt;
    private Action doing;

    public AmpRelay(AmpSettings settings, Path stateDir, Faults faults, LongSupplier now) {
        this.settings = settings;
        this.on = new AmpCommand(settings.onCommand(), settings.timeout(), stateDir.resolve("amp-on.out"));
        this.off = new AmpCommand(settings.offCommand(), settings.timeout(), stateDir.resolve("amp-off.out"));
        this.faults = faults;
        this.now = now;
        this.leadMs = settings.leadMs();
        // after a crash or power cut the relay's state is unknown: switched off unless sound is due
        this.quietSince = now.getAsLong() - settings.hold().toMillis();
    }

    @Override
    public synchronized void upcoming(Segment next) {
        expectedAt = next == null ? Long.MAX_VALUE : next.startAt();
        if (next != null && next.isEmergency()) {
            emergency();
        }
        notifyAll();
    }

    @Override
    public synchronized void started(Segment seg, long actualStart, int volume) {
        playing = true;
        expectedAt = Long.MAX_VALUE;
        if (seg.isEmergency()) {
            emergency();
        }
        notifyAll();
    }

    @Override
    public synchronized void ended(Segment seg) {
        playing = false;
        expectedAt = Long.MAX_VALUE;
        quietSince = now.getAsLong();
        notifyAll();
    }

    private void emergency() {
        urgent = true;
        if (doing == Action.OFF) {
            off.cutShort();
        }
    }

    @Override
    public void run() {
        while (true) {
            Action a;
            try {
                a = next();
            } catch (InterruptedException e) {
                return;
            }
            if (a == null) {
                return;
            }
            carryOut(a);
        }
    }

    /** Waits until something must be switched; null once stopped. */
    private synchronized Action next() throws InterruptedException {
        while (running) {
            long t = now.getAsLong();
            boolean soundDue = playing || expectedAt - t <= leadMs;
            long quietUntil = quietSince + settings.hold().toMillis();
            Action a = soundDue ? (Boolean.TRUE.equals(isOn) ? null : Action.ON)
                    : Boolean.FALSE.equals(isOn) || t < quietUntil ? null : Action.OFF;
            if (a != null && (t >= retryAt || urgent && a == Action.ON)) {
                urgent = false;
                doing = a;
                return a;
            }
            long wakeAt = Math.min(a != null ? retryAt : Long.MAX_VALUE,
                    Math.min(expectedAt == Long.MAX_VALUE ? Long.MAX_VALUE : expectedAt - leadMs, quietUntil));
            wait(wakeAt <= t ? 1_000 : Math.min(wakeAt - t, 60_000));
        }
        return null;
    }

    private void carryOut(Action a) {
        AmpCommand cmd = a == Action.ON ? on : off;
        try {
            cmd.run();
            LOG.info("amplifier " + (a == Action.ON ? "on" : "off") + " (" + cmd + ")");
            done(a, true);
            faults.clear("amp_failed");
        } catch (IOException e) {
            done(a, false);
            faults.raise("amp_failed", "switching the amplifier " + (a == Action.ON ? "on" : "off") + " failed: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void done(Action a, boolean ok) {
        doing = null;
        isOn = ok ? a == Action.ON : null;
        retryAt = ok ? 0 : now.getAsLong() + RETRY_MS;
    }

    /** Stops the thread and switches the amplifier off if it may be on (the agent is stopping). */
    public void close() {
        synchronized (this) {
            running = false;
            notifyAll();
            if (Boolean.FALSE.equals(isOn) || doing != null) {
                return;
            }
        }
        carryOut(Action.OFF);
    }
}
