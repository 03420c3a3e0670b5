package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import vn.bantin.agent.spool.PlayRecord;
import vn.bantin.agent.spool.PlayRecord.Outcome;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.sync.AgentClock;
import vn.bantin.agent.sync.MediaCache;
import vn.bantin.agent.sync.Timeline;
import vn.bantin.agent.sync.TimelineStore;

/**
 * The player thread: follows the current timeline at wall-clock (controller) time through mpv and spools
 * one record per item it played, failed, was interrupted in, or reached too late.
 */
public final class Player implements Runnable {

    private static final Logger LOG = Logger.getLogger(Player.class.getName());
    private static final long IDLE_WAIT_MS = 60_000;
    private static final long SHORTEST_JOIN_MS = 250;
    private static final long LOOP_JOIN_LEAD_MS = 100;
    private static final long SPIN_MS = 20;
    private static final long END_SLACK_MS = 5_000;
    private static final long POLL_MS = 200;
    /** An alert cuts what plays this long before its start: time to load it, and less than SHORTEST_JOIN_MS. */
    private static final long EMERGENCY_LEAD_MS = 200;
    static final String EMERGENCY_REASON = "preempted by emergency alert";
    private static final long MEDIA_RETRY_MS = 250;

    private final MpvProcess mpv;
    private final TimelineStore store;
    private final MediaCache cache;
    private final RecordSpool spool;
    private final AgentClock clock;
    private final AgentStatus status;
    private final long graceMs;
    private final long preloadMs;
    private final Semaphore wake = new Semaphore(0);
    private final Set<String> done = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1000;
        }
    });
    private volatile boolean timelineChanged;
    private volatile boolean running = true;

    public Player(MpvProcess mpv, TimelineStore store, MediaCache cache, RecordSpool spool, AgentClock clock,
                  AgentStatus status, Duration grace, Duration preload) {
        this.mpv = mpv;
        this.store = store;
        this.cache = cache;
        this.spool = spool;
        this.clock = clock;
        this.status = status;
        this.graceMs = grace.toMillis();
        this.preloadMs = preload.toMillis();
        store.onChange(t -> {
            timelineChanged = true;
            wake.release();
        });
    }

    public void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                LOG.severe("player step failed: " + e);
                sleep(1_000);
            }
        }
    }

    private void step() throws InterruptedException {
        timelineChanged = false;
        Timeline timeline = store.current();
        long now = clock.now();
        if (timeline == null) {
            await(IDLE_WAIT_MS);
            return;
        }
        Segment seg = Schedule.at(timeline, now);
        boolean due = seg != null && !done.contains(seg.key())
                && !(seg.entry().isLoop() && seg.endAt() - now < SHORTEST_JOIN_MS);
        if (!due) {
            Segment next = Schedule.next(timeline, now);
            if (next != null && next.startAt() - preloadMs <= now) {
                play(next, timeline);
                return;
            }
            long wakeAt = Math.min(seg != null ? seg.endAt() : Long.MAX_VALUE,
                    next != null ? next.startAt() - preloadMs : Long.MAX_VALUE);
            await(Math.min(wakeAt - now, IDLE_WAIT_MS));
            return;
        }
        if (seg.entry().isLoop()) {
            // start a little ahead so the file is loaded and seeked when its anchor-computed position comes
            play(new Segment(seg.entry(), seg.item(), seg.itemStart(), now + LOOP_JOIN_LEAD_MS, seg.endAt()), timeline);
        } else if (now - seg.startAt() > graceMs) {
            done.add(seg.key());
            record(seg, timeline, Outcome.MISSED, "reached " + (now - seg.startAt()) + " ms late", null, null);
        } else {
            play(seg, timeline);
        }
    }

    private void play(Segment seg, Timeline timeline) throws InterruptedException {
        Path file = cache.file(seg.item().sha256());
        if (file == null && Schedule.EMERGENCY.equals(seg.entry().clazz()) && clock.now() - seg.startAt() < graceMs) {
            // an alert issued "now" may still be downloading: late beats missed, within the grace
            await(MEDIA_RETRY_MS);
            return;
        }
        if (!seg.entry().isLoop()) {
            done.add(seg.key());
        }
        if (file == null) {
            done.add(seg.key());
            record(seg, timeline, Outcome.FAILED, "media not in cache", null, null);
            return;
        }
        MpvIpc ipc;
        long entryId;
        try {
            ipc = mpv.ipc();
            ipc.clearEvents();
            entryId = load(ipc, seg, file);
        } catch (IOException e) {
            done.add(seg.key());
            record(seg, timeline, Outcome.FAILED, "mpv: " + e.getMessage(), null, null);
            return;
        }
        Long actualStart = null;
        try {
            if (!awaitLoaded(ipc, entryId, seg)) {
                stopQuietly(ipc);
                done.add(seg.key());
                record(seg, timeline, Outcome.FAILED, "mpv could not load the file", null, null);
                return;
            }
            waitUntil(seg.startAt());
            ipc.set("pause", false);
            actualStart = clock.now();
            long error = actualStart - seg.startAt();
            status.startError(error);
            status.nowPlaying(new AgentStatus.NowPlaying(seg.entry().id(), seg.item().sha256(), seg.entry().mode(),
                    actualStart), seg.entry().volume());
            LOG.info(String.format(Locale.ROOT, "playing %s %s item %s from %.1f s, start error %d ms",
                    seg.entry().mode(), seg.entry().id(), seg.item().sha256().substring(0, 12),
                    seg.offsetMs() / 1000.0, error));
            follow(ipc, entryId, seg, timeline, actualStart);
        } catch (IOException e) {
            record(seg, timeline, Outcome.FAILED, "mpv: " + e.getMessage(), actualStart, clock.now());
        } finally {
            status.nowPlaying(null, null);
        }
    }

    private long load(MpvIpc ipc, Segment seg, Path file) throws IOException {
        ipc.set("pause", true);
        ipc.set("volume", seg.entry().volume());
        ipc.set("start", String.format(Locale.ROOT, "%.3f", seg.offsetMs() / 1000.0));
        if (seg.item().isImage()) {
            ipc.set("image-display-duration", (seg.endAt() - seg.startAt()) / 1000.0);
        }
        Object reply = ipc.command("loadfile", file.toString(), "replace");
        return reply instanceof Map<?, ?> m && m.get("playlist_entry_id") instanceof Number n ? n.longValue() : -1;
    }

    /** Waits for mpv to have the file loaded and seeked (paused), ready to start on the spot. */
    private boolean awaitLoaded(MpvIpc ipc, long entryId, Segment seg) throws InterruptedException {
        long deadline = System.currentTimeMillis() + Math.max(5_000, seg.startAt() - clock.now());
        while (System.currentTimeMillis() < deadline) {
            Map<String, Object> ev = ipc.nextEvent(deadline - System.currentTimeMillis());
            if (ev == null || ev == MpvIpc.CLOSED) {
                return false;
            }
            if ("playback-restart".equals(ev.get("event"))) {
                return true;
            }
            if (isEndOf(ev, entryId)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Watches the running item until it ends, the loop window closes, a new timeline takes over, or an
     * emergency alert in a new timeline cuts it (just before the alert's start, so the alert starts on time).
     */
    private void follow(MpvIpc ipc, long entryId, Segment seg, Timeline timeline, long actualStart)
            throws IOException, InterruptedException {
        boolean cutAtWindowEnd = seg.entry().isLoop() && seg.endAt() == seg.entry().end();
        long deadline = cutAtWindowEnd ? seg.endAt()
                : actualStart + (seg.itemStart() + seg.item().durationMs() - seg.startAt()) + END_SLACK_MS;
        long emergencyAt = Long.MAX_VALUE;
        while (true) {
            long now = clock.now();
            if (now >= emergencyAt) {
                stopQuietly(ipc);
                record(seg, timeline, Outcome.INTERRUPTED, EMERGENCY_REASON, actualStart, clock.now());
                return;
            }
            if (now >= deadline) {
                stopQuietly(ipc);
                done.add(seg.key());
                if (cutAtWindowEnd) {
                    record(seg, timeline, Outcome.PLAYED, null, actualStart, clock.now());
                } else {
                    record(seg, timeline, Outcome.FAILED, "no end of file from mpv", actualStart, clock.now());
                }
                return;
            }
            if (timelineChanged && emergencyAt == Long.MAX_VALUE) {
                emergencyAt = emergencyCut(seg, now);
                if (emergencyAt <= now) {
                    continue;
                }
            }
            if (!running || timelineChanged && preempted(seg)) {
                stopQuietly(ipc);
                record(seg, timeline, Outcome.INTERRUPTED, running ? "preempted by a new timeline" : "agent stopped",
                        actualStart, clock.now());
                return;
            }
            Map<String, Object> ev = ipc.nextEvent(Math.max(1, Math.min(POLL_MS, Math.min(deadline, emergencyAt) - now)));
            if (ev == MpvIpc.CLOSED) {
                throw new IOException("mpv died while playing");
            }
            if (ev != null && isEndOf(ev, entryId)) {
                long end = clock.now();
                done.add(seg.key());
                String reason = String.valueOf(ev.get("reason"));
                if ("eof".equals(reason)) {
                    record(seg, timeline, Outcome.PLAYED, null, actualStart, end);
                } else {
                    record(seg, timeline, "error".equals(reason) ? Outcome.FAILED : Outcome.INTERRUPTED,
                            "mpv ended the file: " + reason + (ev.get("file_error") == null ? ""
                                    : " (" + ev.get("file_error") + ")"), actualStart, end);
                }
                return;
            }
        }
    }

    /** When an alert in the current timeline must cut the playing segment, or Long.MAX_VALUE. */
    private long emergencyCut(Segment seg, long now) {
        Timeline.Entry alert = Schedule.emergencyCutting(store.current(), seg, now);
        if (alert == null) {
            return Long.MAX_VALUE;
        }
        timelineChanged = false;
        LOG.info("emergency alert " + alert.id() + " at " + alert.start() + " cuts " + seg.entry().id());
        return Math.max(now, alert.start() - EMERGENCY_LEAD_MS);
    }

    private boolean preempted(Segment seg) {
        timelineChanged = false;
        Timeline now = store.current();
        Segment current = Schedule.at(now, clock.now());
        return current == null || !current.key().equals(seg.key());
    }

    private static boolean isEndOf(Map<String, Object> ev, long entryId) {
        return "end-file".equals(ev.get("event"))
                && (entryId < 0 || ev.get("playlist_entry_id") instanceof Number n && n.longValue() == entryId);
    }

    private void waitUntil(long startAt) throws InterruptedException {
        long remaining = startAt - clock.now();
        if (remaining > SPIN_MS) {
            Thread.sleep(remaining - SPIN_MS);
        }
        while (clock.now() < startAt) {
            Thread.onSpinWait();
        }
    }

    /** A record of nothing played (FAILED before start, MISSED) has null start and end, as the contract says. */
    private void record(Segment seg, Timeline timeline, Outcome outcome, String reason, Long start, Long end) {
        Timeline.Entry e = seg.entry();
        PlayRecord r = new PlayRecord(e.id(), e.campaignId(), e.clazz(), e.mode(), seg.item().sha256(),
                seg.itemStart(), start, end, outcome, reason, clock.offsetMs(), timeline.version());
        try {
            long seq = spool.append(r).seq();
            LOG.info("record " + seq + ": " + outcome + " " + e.id() + (reason == null ? "" : " (" + reason + ")"));
        } catch (IOException ex) {
            LOG.severe("cannot spool play record for " + e.id() + ": " + ex.getMessage());
        }
    }

    private static void stopQuietly(MpvIpc ipc) {
        try {
            ipc.command("stop");
        } catch (IOException e) {
            LOG.warning("mpv stop failed: " + e.getMessage());
        }
    }

    private void await(long ms) throws InterruptedException {
        if (ms > 0 && wake.tryAcquire(ms, TimeUnit.MILLISECONDS)) {
            wake.drainPermits();
        }
        if (!running) {
            throw new InterruptedException("player stopped");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
