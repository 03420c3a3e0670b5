package vn.bantin.agent.playback;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What one running mpv has told us, per playlist entry: when the file was ready (paused at its start
 * position), when playback really began — worked out from mpv's own {@code time-pos} reports after
 * the unpause — and when and how it ended. Events arrive on the IPC thread; the player waits here.
 */
final class MpvSession {

    private static final int TIME_POS = 1;
    private static final long NO_POSITION_FALLBACK_MS = 1_000;

    /** One playlist entry's facts; times are controller epoch ms at the moment mpv's message arrived. */
    static final class EntryFacts {
        Long readyAt;
        double readyPos;
        boolean positionSeen;
        Long unpausedAt;
        Long startedAt;
        Long lastProgressAt;
        Long endedAt;
        String endReason;
        String fileError;
    }

    private final LongSupplier now;
    private final Map<Long, EntryFacts> entries = new HashMap<>();
    private MpvIpc ipc;
    private long current = -1;
    private boolean closed;

    MpvSession(LongSupplier now) {
        this.now = now;
    }

    void attach(MpvIpc connection) throws IOException {
        synchronized (this) {
            this.ipc = connection;
        }
        connection.command("observe_property", TIME_POS, "time-pos");
    }

    /** Loads a file in place of everything, paused at {@code startSec}; returns its playlist entry id. */
    long load(String file, String options, double startSec) throws IOException {
        return expect(entryId(ipc().command("loadfile", file, "replace", options)), startSec);
    }

    /** Queues a file after the current one, to open while this one plays and wait paused at {@code startSec}. */
    long append(String file, String options, double startSec) throws IOException {
        return expect(entryId(ipc().command("loadfile", file, "append", options)), startSec);
    }

    private synchronized long expect(long entryId, double startSec) {
        EntryFacts f = facts(entryId);
        if (!f.positionSeen) {
            f.readyPos = startSec;
        }
        return entryId;
    }

    /** Starts the ready entry; its real start comes from the next position reports. */
    void unpause(long entryId) throws IOException {
        long at = now.getAsLong();
        synchronized (this) {
            facts(entryId).unpausedAt = at;
        }
        ipc().set("pause", false);
    }

    void stop() throws IOException {
        ipc().command("stop");
    }

    /**
     * Moves on to the queued entry. "weak": when mpv already moved there by itself (the current file ended a
     * moment ago, which a loaded machine reports late), the queued entry is the last one and this does nothing;
     * "force" would stop it.
     */
    void next() throws IOException {
        ipc().command("playlist-next", "weak");
    }

    /** Sends a command; returns mpv's reply data (a property's value for get_property). */
    Object command(Object... args) throws IOException {
        return ipc().command(args);
    }

    /** mpv answers within the time, or it is taken for hung. */
    boolean answers(long timeoutMs) {
        try {
            ipc().commandWithin(timeoutMs, "get_property", "pid");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    synchronized EntryFacts facts(long entryId) {
        return entries.computeIfAbsent(entryId, k -> new EntryFacts());
    }

    /** A copy of what is known about an entry, safe to read outside the session's lock. */
    record View(Long readyAt, Long unpausedAt, Long startedAt, Long lastProgressAt, Long endedAt, String endReason,
                String fileError) {
    }

    synchronized View view(long entryId) {
        EntryFacts f = facts(entryId);
        return new View(f.readyAt, f.unpausedAt, f.startedAt, f.lastProgressAt, f.endedAt, f.endReason, f.fileError);
    }

    /** An entry this session loaded or queued that has not ended: it is, or is about to be, mpv's current file. */
    synchronized boolean pending(long entryId) {
        EntryFacts f = entries.get(entryId);
        return f != null && f.endedAt == null && !closed;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized long current() {
        return current;
    }

    /** Waits until the entry is ready, ended, or mpv is gone; true when ready. */
    synchronized boolean awaitReady(long entryId, long timeoutMs) throws InterruptedException {
        EntryFacts f = facts(entryId);
        waitFor(timeoutMs, () -> f.readyAt != null || f.endedAt != null);
        return f.readyAt != null && f.endedAt == null && !closed;
    }

    /**
     * Waits up to {@code timeoutMs} for something to happen to the entry or mpv; the caller reads the facts.
     * Images report no position, so their start is the unpause once a second has gone by without one.
     */
    synchronized void awaitChange(long entryId, long timeoutMs) throws InterruptedException {
        EntryFacts f = facts(entryId);
        Long startedBefore = f.startedAt;
        waitFor(timeoutMs, () -> f.endedAt != null || f.startedAt != startedBefore);
        if (f.startedAt == null && f.unpausedAt != null && now.getAsLong() - f.unpausedAt > NO_POSITION_FALLBACK_MS) {
            f.startedAt = f.unpausedAt;
        }
    }

    private void waitFor(long timeoutMs, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!done.getAsBoolean() && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** From the IPC reader thread. */
    synchronized void onEvent(Map<String, Object> ev) {
        long at = now.getAsLong();
        Object name = ev.get("event");
        if (ev == MpvIpc.CLOSED) {
            closed = true;
        } else if ("start-file".equals(name)) {
            current = number(ev.get("playlist_entry_id"), -1);
        } else if ("playback-restart".equals(name) && current >= 0) {
            EntryFacts f = facts(current);
            if (f.readyAt == null) {
                f.readyAt = at;
            }
        } else if ("end-file".equals(name)) {
            EntryFacts f = facts(number(ev.get("playlist_entry_id"), current));
            f.endedAt = at;
            f.endReason = String.valueOf(ev.get("reason"));
            f.fileError = ev.get("file_error") == null ? null : String.valueOf(ev.get("file_error"));
        } else if ("property-change".equals(name) && ev.get("id") instanceof Number id && id.intValue() == TIME_POS
                && ev.get("data") instanceof Number pos && current >= 0) {
            position(facts(current), pos.doubleValue(), at);
        }
        notifyAll();
    }

    private static void position(EntryFacts f, double pos, long at) {
        if (f.unpausedAt == null) {
            f.readyPos = pos;
            f.positionSeen = true;
            return;
        }
        if (pos <= f.readyPos) {
            return;
        }
        if (f.startedAt == null) {
            // never before the unpause: a first frame stamped after 0 must not make the start look early
            f.startedAt = Math.max(f.unpausedAt, at - Math.round((pos - f.readyPos) * 1000));
        }
        f.lastProgressAt = at;
    }

    private MpvIpc ipc() throws IOException {
        MpvIpc c;
        synchronized (this) {
            c = ipc;
        }
        if (c == null || !c.isOpen()) {
            throw new IOException("mpv is not connected");
        }
        return c;
    }

    private static long entryId(Object reply) {
        return reply instanceof Map<?, ?> m ? number(m.get("playlist_entry_id"), -1) : -1;
    }

    private static long number(Object o, long fallback) {
        return o instanceof Number n ? n.longValue() : fallback;
    }
}
