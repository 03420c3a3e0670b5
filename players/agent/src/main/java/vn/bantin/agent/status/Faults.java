package vn.bantin.agent.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * What is wrong, for the heartbeat: conditions that hold until cleared (disk full, an unconfirmed clock
 * correction) and happenings since the last delivered heartbeat (a clock jump, an mpv crash). A
 * happening stays listed until a heartbeat carrying it was answered, so none is lost to a failed send.
 * The time is read before the lock is taken: the clock itself reports here.
 */
public final class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class.getName());
    private static final int MAX_EVENTS = 50;

    public record Fault(String code, String detail, long at, boolean active) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("detail", detail);
            m.put("at", at);
            m.put("active", active);
            return m;
        }
    }

    private final LongSupplier now;
    private final Map<String, Fault> active = new LinkedHashMap<>();
    private final List<Fault> events = new ArrayList<>();
    private int droppedEvents;
    private volatile Runnable onActiveChange = () -> { };

    public Faults(LongSupplier now) {
        this.now = now;
    }

    /**
     * Told (outside the lock) whenever a condition starts or is cleared, so the controller hears of it at once
     * rather than at the next heartbeat. Not for happenings: an answer refused as unsigned is itself a
     * happening, and would ask for another heartbeat without end.
     */
    public void onActiveChange(Runnable listener) {
        this.onActiveChange = listener;
    }

    /** A condition that holds from now on (the first raise keeps its time) until {@link #clear}. */
    public void raise(String code, String detail) {
        long at = now.getAsLong();
        boolean started;
        synchronized (this) {
            Fault before = active.get(code);
            started = before == null;
            if (started) {
                LOG.warning("fault " + code + ": " + detail);
            }
            active.put(code, new Fault(code, detail, started ? at : before.at(), true));
        }
        if (started) {
            onActiveChange.run();
        }
    }

    public void clear(String code) {
        long at = now.getAsLong();
        boolean cleared;
        synchronized (this) {
            Fault was = active.remove(code);
            cleared = was != null;
            if (cleared) {
                LOG.info("fault " + code + " cleared");
                add(new Fault(code, "cleared; was: " + was.detail(), at, false));
            }
        }
        if (cleared) {
            onActiveChange.run();
        }
    }

    public synchronized boolean isActive(String code) {
        return active.containsKey(code);
    }

    /** Something that happened once. */
    public void event(String code, String detail) {
        long at = now.getAsLong();
        LOG.warning("fault " + code + ": " + detail);
        synchronized (this) {
            add(new Fault(code, detail, at, false));
        }
    }

    private void add(Fault f) {
        if (events.size() >= MAX_EVENTS) {
            events.remove(0);
            droppedEvents++;
        }
        events.add(f);
    }

    /** Active conditions, then happenings not yet delivered, oldest first. */
    public List<Fault> snapshot() {
        long at = now.getAsLong();
        synchronized (this) {
            List<Fault> out = new ArrayList<>(active.values());
            out.addAll(events);
            if (droppedEvents > 0) {
                out.add(new Fault("faults_dropped", droppedEvents + " older happenings not kept", at, false));
            }
            return out;
        }
    }

    /** A heartbeat carrying {@code delivered} was answered: its happenings need not be sent again. */
    public synchronized void delivered(List<Fault> delivered) {
        events.removeAll(delivered);
        if (delivered.stream().anyMatch(f -> f.code().equals("faults_dropped"))) {
            droppedEvents = 0;
        }
    }
}
