package vn.bantin.agent.playback;

import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.relay.RelayResult;
import vn.bantin.agent.relay.RelaySettings;
import vn.bantin.agent.relay.RelayWatch;
import vn.bantin.agent.relay.StreamRelay;
import vn.bantin.agent.spool.PlayRecord.Outcome;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.sync.MediaCache;
import vn.bantin.agent.sync.Timeline;
import vn.bantin.agent.sync.TimelineStore;

/**
 * The player thread: works through the current timeline at controller time, one segment after another,
 * and records each. A ONCE entry whose media is not cached yet is waited for and starts late; once
 * its grace is over without media it is FAILED, and one passed by without being played is MISSED.
 * A loop item with too little left is not joined. Nothing before the time already worked through is
 * played again, whatever the clock says after a restart.
 */
public final class Player implements Runnable {

    private static final Logger LOG = Logger.getLogger(Player.class.getName());
    private static final long IDLE_WAIT_MS = 60_000;
    private static final long MEDIA_POLL_MS = 250;
    private static final long LOOP_JOIN_LEAD_MS = 300;
    private static final long PREPARED_LATE_MS = 500;
    private static final long BEHIND_TOLERANCE_MS = 2_000;
    private static final long MPV_RETRY_MS = 2_000;

    private final MpvProcess mpv;
    private final TimelineStore store;
    private final MediaCache cache;
    private final Recorder recorder;
    private final PlayedLog played;
    private final AgentClock clock;
    private final Faults faults;
    private final MasterVolume volume;
    private final PlaybackEvents events;
    private final ItemPlayback playback;
    private final StreamRelay relay;
    private final long graceMs;
    private final long preloadMs;
    private final long minJoinMs;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean timelineChanged;
    private volatile boolean running = true;
    private volatile String gapReason;
    private volatile Segment playing;
    private Prepared prepared;
    private Runnable unwrittenRecord;
    private boolean mpvStarted;

    public Player(MpvProcess mpv, TimelineStore store, MediaCache cache, PlayedLog played, RecordSpool spool,
                  AgentClock clock, Faults faults, MasterVolume volume, PlaybackEvents events,
                  PlaybackSettings settings) {
        this.mpv = mpv;
        this.store = store;
        this.cache = cache;
        this.played = played;
        this.recorder = new Recorder(spool, played);
        this.clock = clock;
        this.faults = faults;
        this.volume = volume;
        this.events = events;
        this.graceMs = settings.grace().toMillis();
        this.preloadMs = settings.preload().toMillis();
        this.minJoinMs = settings.minJoin().toMillis();
        this.playback = new ItemPlayback(mpv, clock, new StartTimer(clock), preloadMs);
        this.relay = new StreamRelay(new MpvStreamOutput(mpv, clock::now), clock, RelaySettings.defaults());
        store.onChange(t -> {
            timelineChanged = true;
            wake.release();
        });
        cache.onCached(wake::release);
        mpv.onClosed(wake::release);
        clock.onStep(delta -> {
            gapReason = "controller time moved " + (delta > 0 ? "forward" : "back") + " by " + Math.abs(delta)
                    + " ms (a confirmed clock correction)";
            wake.release();
        });
    }

    public void stop() {
        running = false;
        wake.release();
    }

    /** Re-evaluate now (a command, a restarted mpv). */
    public void wake() {
        wake.release();
    }

    /** Restarts mpv on purpose; what plays is recorded INTERRUPTED with the reason. */
    public void restartPlayback(String reason) {
        mpv.restart(reason);
        wake.release();
    }

    /** The master volume changed: what plays now takes it at once. */
    public void volumeChanged() throws java.io.IOException {
        Segment seg = playing;
        MpvSession s = mpv.running();
        if (seg != null && s != null) {
            s.command("set_property", "volume", volume.apply(seg.entry().volume()));
        }
    }

    /** A PNG of the picture on screen now, from mpv; fails when nothing is shown. */
    public void screenshot(Path target) throws java.io.IOException {
        MpvSession s = mpv.running();
        if (s == null || playing == null) {
            throw new java.io.IOException("nothing is on screen now");
        }
        s.command("screenshot-to-file", target.toString(), "video");
    }

    @Override
    public void run() {
        long boot = clock.now();
        if (played.workedUntil() > 0 && played.workedUntil() < boot - graceMs) {
            gapReason = "not played at its time: the agent was not running";
        }
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
        writeRecord();
    }

    private void step() throws InterruptedException {
        timelineChanged = false;
        // worked through from when the first timeline is seen, not from when mpv is up: under load mpv's start
        // can outlast the grace, and what it delayed must still be played or recorded
        if (played.workedUntil() == 0 && store.current() != null) {
            played.workedUntil(clock.now() - graceMs);
        }
        if (!ensureMpv()) {
            await(MPV_RETRY_MS);
            return;
        }
        Timeline t = store.current();
        if (t == null) {
            await(IDLE_WAIT_MS);
            return;
        }
        long now = clock.now();
        if (now < played.workedUntil() - BEHIND_TOLERANCE_MS) {
            prepared = null;
            await(Math.min(played.workedUntil() - now, IDLE_WAIT_MS));
            return;
        }
        reportPassed(t, now);
        Timeline.Entry stream = Schedule.streamAt(t, now);
        Timeline.Entry alert = stream == null ? null : Schedule.emergencyCutting(t, stream.id(), stream.end() + 1, now);
        if (alert != null && now >= alert.start() - ItemPlayback.EMERGENCY_LEAD_MS && now < alert.start()) {
            // the relay was just cut for the alert: not started again for the last moments before it
            prepared = null;
            await(alert.start() - now);
            return;
        }
        if (stream != null) {
            prepared = null;
            writeRecord();
            relayWindow(stream, t);
            return;
        }
        Segment due = preparedSegment(t, now);
        if (due == null) {
            writeRecord();
            due = due(t, now);
        }
        if (due == null) {
            Segment next = upcoming(t, now);
            long streamStart = Schedule.nextStreamStart(t, now);
            if (next == null || next.startAt() - preloadMs > now) {
                played.workedUntil(now);
                events.upcoming(next);
                long wakeAt = Math.min(next == null ? now + IDLE_WAIT_MS : next.startAt() - preloadMs, streamStart);
                await(Math.min(wakeAt - now, IDLE_WAIT_MS));
                return;
            }
            due = next;
        }
        events.upcoming(due);
        play(due, t);
    }

    /** ONCE entries that started more than the grace ago and were neither played nor recorded: said so. */
    private void reportPassed(Timeline t, long now) {
        long until = now - graceMs;
        for (Timeline.Entry e : Schedule.onceStartingBetween(t, played.workedUntil(), until)) {
            Segment seg = Schedule.onceSegment(e);
            if (played.isDone(seg)) {
                continue;
            }
            if (cache.file(seg.item().sha256()) == null) {
                recorder.missed(seg, t, Outcome.FAILED, "media not in the cache within " + graceMs
                        + " ms of its start", clock.offsetMs());
            } else {
                String why = gapReason;
                recorder.missed(seg, t, Outcome.MISSED, why != null ? why : "reached " + (now - seg.startAt())
                        + " ms late", clock.offsetMs());
            }
        }
        gapReason = null;
        played.workedUntil(until);
    }

    /**
     * The segment already waiting paused in mpv, if it is still the one due, not late, and has no outcome yet
     * (one given up as passed is never started after all: one outcome per entry).
     */
    private Segment preparedSegment(Timeline t, long now) {
        Prepared p = prepared;
        if (p == null) {
            return null;
        }
        Segment there = Schedule.at(t, p.segment().startAt());
        if (there != null && there.key().equals(p.segment().key()) && now - p.segment().startAt() <= PREPARED_LATE_MS
                && !played.isDone(p.segment())) {
            return p.segment();
        }
        prepared = null;
        return null;
    }

    /**
     * The segment to play now: a ONCE entry begun within the grace and not over (it starts late, from its
     * beginning), else the loop item at now if enough of it is left.
     */
    private Segment due(Timeline t, long now) {
        for (Timeline.Entry e : Schedule.onceStartingBetween(t, Math.max(played.workedUntil(), now - graceMs), now + 1)) {
            Segment once = Schedule.onceSegment(e);
            if (!played.isDone(once)) {
                return once;
            }
        }
        Segment seg = Schedule.at(t, now);
        if (seg == null || !seg.entry().isLoop()) {
            return null;
        }
        long pos = now + LOOP_JOIN_LEAD_MS;
        if (pos >= seg.entry().end()) {
            return null;
        }
        Segment joined = Schedule.loopSegment(seg.entry(), pos);
        return played.isDone(joined) || joined.endAt() - pos < minJoinMs ? null : joined;
    }

    /** The first segment after now that is not over yet. */
    private Segment upcoming(Timeline t, long now) {
        Segment s = Schedule.at(t, now);
        s = s == null ? Schedule.next(t, now) : Schedule.following(t, s);
        for (int i = 0; s != null && played.isDone(s) && i < 100_000; i++) {
            s = Schedule.following(t, s);
        }
        return s;
    }

    private void play(Segment seg, Timeline t) throws InterruptedException {
        Path file = cache.file(seg.item().sha256());
        if (file == null) {
            prepared = null;
            faults.raise("media_missing", "media " + seg.item().sha256() + " of entry " + seg.entry().id()
                    + " is not in the cache at its time; waiting for it");
            await(Math.max(20, Math.min(MEDIA_POLL_MS, seg.endAt() - clock.now())));
            return;
        }
        faults.clear("media_missing");
        Prepared p = prepared;
        prepared = null;
        playing = seg;
        ItemPlayback.Result r;
        try {
            r = playback.play(seg, file, p, context);
        } finally {
            playing = null;
        }
        writeRecord();
        prepared = r.next();
        events.ended(seg);
        unwrittenRecord = () -> recorder.record(seg, t, r.ending(), r.start(), r.end(), r.offsetUsed());
        if (prepared == null) {
            writeRecord();
        }
    }

    /** Relays a STREAM entry (vn.bantin.agent.relay) in the same mpv, then records it. */
    private void relayWindow(Timeline.Entry e, Timeline t) throws InterruptedException {
        String fallback = e.items().isEmpty() ? null : e.items().get(0).sha256();
        long offset = clock.offsetMs();
        RelayResult r;
        try {
            r = relay.relay(new StreamRelay.Job(e.stream().url(), e.stream().epochMs(), fallback,
                    () -> cache.file(fallback), volume.apply(e.volume())), new EntryWatch(e));
        } finally {
            events.streamEnded(e);
        }
        recorder.relayed(e, t, r, offset);
    }

    /** The relayed entry as the current timeline has it: its end, or why it is gone. */
    private final class EntryWatch implements RelayWatch {
        private final Timeline.Entry entry;
        private final String id;
        /**
         * The window's end when the relay began. An alert starting before it cuts the relay, though a later timeline
         * ends the window where the alert starts; one starting at it follows a window that ended as planned.
         */
        private final long plannedEnd;
        private boolean announced;

        EntryWatch(Timeline.Entry e) {
            this.entry = e;
            this.id = e.id();
            this.plannedEnd = e.end();
        }

        /** The first time the window is heard, the rest of the agent learns it (status, amplifier, live acknowledgement). */
        @Override
        public void onAir(long at, boolean recovered) {
            if (!announced) {
                announced = true;
                events.streamOnAir(entry, at);
            }
        }

        /** The entry in the current timeline, looked up among those begun by now (entries never overlap). */
        private Timeline.Entry current() {
            Timeline t = store.current();
            for (int i = t.lastStartingBy(clock.now()), seen = 0; i >= 0 && seen < 3; i--, seen++) {
                if (t.entries().get(i).id().equals(id)) {
                    return t.entries().get(i);
                }
            }
            return null;
        }

        @Override
        public long endAt() {
            Timeline.Entry e = current();
            return e == null ? clock.now() : e.end();
        }

        /** An alert cuts the relay just before its start, as it cuts a file (ItemPlayback). */
        @Override
        public String cutReason() {
            if (!running) {
                return "agent stopped";
            }
            long now = clock.now();
            Timeline.Entry alert = cuttingAlert(now);
            if (alert != null && now >= alert.start() - ItemPlayback.EMERGENCY_LEAD_MS) {
                return ItemPlayback.preemptedBy(alert);
            }
            if (current() != null) {
                return null;
            }
            Segment seg = Schedule.at(store.current(), now);
            return seg != null && seg.isEmergency() ? ItemPlayback.EMERGENCY_REASON : "preempted by a new timeline";
        }

        /** The new timeline ends the window where an alert starts: the relay yielded to it, not a plain end. */
        @Override
        public String endedEarlyBy() {
            Timeline.Entry alert = cuttingAlert(clock.now());
            return alert == null ? null : ItemPlayback.preemptedBy(alert);
        }

        private Timeline.Entry cuttingAlert(long now) {
            return Schedule.alertCuttingWindow(store.current(), id, plannedEnd, now);
        }
    }

    /** The record of an item followed by a queued one is written once that one has started, so it starts on time. */
    private void writeRecord() {
        Runnable r = unwrittenRecord;
        unwrittenRecord = null;
        if (r != null) {
            r.run();
        }
    }

    /** Starts mpv if it is not running (it died or was killed as hung); false when it cannot start. */
    private boolean ensureMpv() {
        if (mpv.isRunning()) {
            return true;
        }
        if (mpvStarted) {
            faults.event("mpv_restarted", mpv.exitDescription() + "; starting it again");
        }
        prepared = null;
        try {
            mpv.session();
            mpvStarted = true;
            faults.clear("mpv_down");
            return true;
        } catch (java.io.IOException e) {
            faults.raise("mpv_down", "mpv does not start: " + e.getMessage());
            return false;
        }
    }

    private final ItemPlayback.Context context = new ItemPlayback.Context() {
        @Override
        public Timeline timeline() {
            return store.current();
        }

        @Override
        public boolean stopping() {
            return !running;
        }

        @Override
        public boolean takeTimelineChange() {
            if (!timelineChanged) {
                return false;
            }
            timelineChanged = false;
            return true;
        }

        @Override
        public Path cached(String sha256) {
            return cache.file(sha256);
        }

        @Override
        public boolean isDone(Segment seg) {
            return played.isDone(seg);
        }

        @Override
        public int volumeFor(Segment seg) {
            return volume.apply(seg.entry().volume());
        }

        @Override
        public void unpaused() {
            writeRecord();
        }

        @Override
        public void started(Segment seg, long actualStart) {
            events.started(seg, actualStart, volume.apply(seg.entry().volume()));
        }
    };

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
