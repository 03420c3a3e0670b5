package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.sync.Timeline;

/**
 * Plays one segment: loads it paused at its position (unless it already waits in mpv's playlist),
 * starts it at its time, queues the item that follows it so that one starts on time too, and follows
 * it to its end — mpv's end of file, the loop's clock, an alert, a new timeline, or mpv dying or hanging.
 */
final class ItemPlayback {

    private static final Logger LOG = Logger.getLogger(ItemPlayback.class.getName());
    static final long HANG_MS = 3_000;
    static final long EMERGENCY_LEAD_MS = 200;
    static final String EMERGENCY_REASON = "preempted by emergency alert";
    private static final long PING_TIMEOUT_MS = 1_000;
    private static final long POLL_MS = 200;
    private static final long END_SLACK_MS = 5_000;
    private static final long OVERRUN_MS = 150;
    private static final long LOAD_TIMEOUT_MS = 5_000;

    /** The reason recorded for what an EMERGENCY entry cuts: the alert, or the live session by its id. */
    static String preemptedBy(Timeline.Entry emergency) {
        return emergency.stream() != null && emergency.stream().liveSessionId() != null
                ? "preempted by emergency live session " + emergency.stream().liveSessionId() : EMERGENCY_REASON;
    }

    /** What the player lends a playback: the timeline as it is now, its flags, the cache, the hooks. */
    interface Context {
        Timeline timeline();

        boolean stopping();

        /** True once after each new timeline. */
        boolean takeTimelineChange();

        Path cached(String sha256);

        boolean isDone(Segment seg);

        int volumeFor(Segment seg);

        /** The segment was just started: a good moment for work that must not delay its start. */
        void unpaused();

        /** Called with the start measured from mpv's position reports. */
        void started(Segment seg, long actualStart);
    }

    record Result(Ending ending, Long start, Long end, long offsetUsed, Prepared next) {
    }

    private final MpvProcess mpv;
    private final AgentClock clock;
    private final StartTimer timer;
    private final long preloadMs;
    private final SwitchLead lead = new SwitchLead();

    ItemPlayback(MpvProcess mpv, AgentClock clock, StartTimer timer, long preloadMs) {
        this.mpv = mpv;
        this.clock = clock;
        this.timer = timer;
        this.preloadMs = preloadMs;
    }

    Result play(Segment seg, Path file, Prepared prepared, Context ctx) throws InterruptedException {
        MpvSession s;
        long entry;
        long issuedAt;
        try {
            s = mpv.session();
            // not s.current(): mpv answers playlist-next before it announces the new file, and a load in its
            // place would cost the very time the preloading saved
            if (prepared != null && prepared.segment().key().equals(seg.key()) && prepared.session() == s
                    && s.pending(prepared.entryId())) {
                entry = prepared.entryId();
                issuedAt = prepared.switchedAt();
            } else {
                issuedAt = clock.now();
                entry = s.load(file.toString(), MpvOptions.of(seg, ctx.volumeFor(seg)), MpvOptions.startSec(seg));
            }
        } catch (IOException e) {
            return new Result(Ending.failed("mpv: " + e.getMessage()), null, null, clock.offsetMs(), null);
        }
        if (!s.awaitReady(entry, Math.max(LOAD_TIMEOUT_MS, seg.startAt() - clock.now() + LOAD_TIMEOUT_MS))) {
            MpvSession.View v = s.view(entry);
            String why = s.isClosed() ? mpv.exitDescription() : v.endReason() == null ? "no answer"
                    : v.endReason() + (v.fileError() == null ? "" : " (" + v.fileError() + ")");
            stopQuietly(s);
            return new Result(Ending.failed("mpv could not load the file: " + why), null, null, clock.offsetMs(), null);
        }
        lead.observed(s.view(entry).readyAt() - issuedAt);
        timer.waitUntil(seg.startAt());
        long offsetUsed = clock.offsetMs();
        try {
            s.unpause(entry);
        } catch (IOException e) {
            return new Result(Ending.failed("mpv: " + e.getMessage()), null, null, offsetUsed, null);
        }
        ctx.unpaused();
        return new Follow(s, entry, seg, offsetUsed, ctx).run();
    }

    /** The watch over one started segment. */
    private final class Follow {
        private final MpvSession s;
        private final long entry;
        private final Segment seg;
        private final long offsetUsed;
        private final Context ctx;
        /** How early the switch to the next loop item is made; never early out of a ONCE item, whose end is heard. */
        private final long switchLeadMs;
        private Segment queued;
        private long queuedEntry = -1;
        private boolean reported;
        private long emergencyAt = Long.MAX_VALUE;
        private String emergencyReason;
        private long lastPing;

        Follow(MpvSession s, long entry, Segment seg, long offsetUsed, Context ctx) {
            this.s = s;
            this.entry = entry;
            this.seg = seg;
            this.offsetUsed = offsetUsed;
            this.ctx = ctx;
            this.lastPing = clock.now();
            this.switchLeadMs = seg.entry().isLoop() ? lead.ms() : 0;
        }

        Result run() throws InterruptedException {
            while (true) {
                long now = clock.now();
                MpvSession.View v = s.view(entry);
                long start = v.startedAt() != null ? v.startedAt() : v.unpausedAt();
                if (v.startedAt() != null && !reported) {
                    reported = true;
                    ctx.started(seg, v.startedAt());
                }
                if (v.endedAt() != null) {
                    return done(Ending.fromMpv(seg, v.endReason(), v.fileError(), start, v.endedAt()), start,
                            v.endedAt(), true);
                }
                if (s.isClosed()) {
                    return done(Ending.interrupted(mpv.exitDescription() + "; mpv restarted"), start, now, false);
                }
                Result cut = cutIfDue(now, start);
                if (cut != null) {
                    return cut;
                }
                if (hung(now, v)) {
                    mpv.kill();
                    return done(Ending.interrupted("mpv stopped answering for " + (now - lastProgress(v))
                            + " ms; killed and restarted"), start, now, false);
                }
                queueNext(v);
                long wakeAt = Math.min(Math.min(emergencyAt, hardEnd(start)),
                        queued != null ? switchAt() : Long.MAX_VALUE);
                if (wakeAt - now <= POLL_MS) {
                    timer.waitUntil(wakeAt);
                } else {
                    s.awaitChange(entry, POLL_MS);
                }
            }
        }

        /** The agent's own reasons to end the segment now, or null. */
        private Result cutIfDue(long now, long start) {
            if (ctx.takeTimelineChange() && onNewTimeline(now)) {
                return stopped(Ending.interrupted("preempted by a new timeline"), start, now);
            }
            if (now >= emergencyAt) {
                return stopped(Ending.interrupted(emergencyReason), start, now);
            }
            if (ctx.stopping()) {
                return stopped(Ending.interrupted("agent stopped"), start, now);
            }
            // mpv would report the end of file some 40 ms after the sound ended: switch on the next one's time
            if (queued != null && now >= switchAt()) {
                return next(Ending.cut(seg, start, now, "cut when the next item was due"), start, now);
            }
            if (now >= hardEnd(start)) {
                if (!seg.entry().isLoop()) {
                    return stopped(Ending.failed("no end of file from mpv"), start, now);
                }
                Ending ending = Ending.cut(seg, start, now, seg.endAt() == seg.entry().end() ? "loop window ended"
                        : "cut at the next item's time");
                return queued != null ? next(ending, start, now) : stopped(ending, start, now);
            }
            return null;
        }

        /** The queued item is loaded this long before its time, to stand paused and be started at it. */
        private long switchAt() {
            return queued.startAt() - switchLeadMs;
        }

        private long hardEnd(long start) {
            return seg.entry().isLoop() ? seg.endAt() + OVERRUN_MS
                    : start + (seg.endAt() - seg.startAt()) + END_SLACK_MS;
        }

        /** An alert in the new timeline cuts this segment just before its start; true when the segment is gone. */
        private boolean onNewTimeline(long now) {
            Timeline current = ctx.timeline();
            if (emergencyAt == Long.MAX_VALUE) {
                Timeline.Entry alert = Schedule.emergencyCutting(current, seg, now);
                if (alert != null) {
                    LOG.info("emergency alert " + alert.id() + " at " + alert.start() + " cuts " + seg.entry().id());
                    emergencyAt = Math.max(now, alert.start() - EMERGENCY_LEAD_MS);
                    emergencyReason = preemptedBy(alert);
                }
            }
            if (queued != null && !stillThere(current, queued, queued.startAt())) {
                dropQueued();
            }
            long probe = seg.entry().isLoop() ? Math.min(Math.max(now, seg.startAt()), seg.endAt() - 1) : seg.itemStart();
            return emergencyAt == Long.MAX_VALUE && !stillThere(current, seg, probe);
        }

        private static boolean stillThere(Timeline timeline, Segment s, long at) {
            Segment there = Schedule.at(timeline, at);
            return there != null && there.key().equals(s.key());
        }

        private boolean hung(long now, MpvSession.View v) {
            boolean silent = seg.item().isImage() || now - lastProgress(v) > HANG_MS;
            if (!silent || now - lastPing < HANG_MS) {
                return false;
            }
            lastPing = now;
            return !s.answers(PING_TIMEOUT_MS);
        }

        private long lastProgress(MpvSession.View v) {
            return v.lastProgressAt() != null ? v.lastProgressAt() : v.unpausedAt();
        }

        /** Once this one plays, the item right after it is opened in mpv and waits there, paused at its start. */
        private void queueNext(MpvSession.View v) {
            if (queued != null || queuedEntry == -2 || v.startedAt() == null) {
                return;
            }
            Segment next = Schedule.following(ctx.timeline(), seg);
            Path file = next == null ? null : ctx.cached(next.item().sha256());
            if (next == null || file == null || next.startAt() - seg.endAt() > preloadMs || ctx.isDone(next)) {
                queuedEntry = -2;
                return;
            }
            try {
                queuedEntry = s.append(file.toString(), MpvOptions.of(next, ctx.volumeFor(next)), MpvOptions.startSec(next));
                queued = next;
            } catch (IOException e) {
                LOG.warning("cannot queue the next item: " + e.getMessage());
                queuedEntry = -2;
            }
        }

        private void dropQueued() {
            queued = null;
            queuedEntry = -2;
            try {
                s.command("playlist-clear");
            } catch (IOException e) {
                LOG.warning("mpv playlist-clear failed: " + e.getMessage());
            }
        }

        private Result done(Ending ending, Long start, long end, boolean mpvMovesOn) {
            Prepared next = mpvMovesOn && queued != null ? new Prepared(queued, s, queuedEntry, end) : null;
            return new Result(ending, start, end, offsetUsed, next);
        }

        private Result stopped(Ending ending, Long start, long end) {
            stopQuietly(s);
            return new Result(ending, start, end, offsetUsed, null);
        }

        private Result next(Ending ending, Long start, long end) {
            try {
                s.next();
            } catch (IOException e) {
                return stopped(ending, start, end);
            }
            return new Result(ending, start, end, offsetUsed, new Prepared(queued, s, queuedEntry, end));
        }
    }

    private static void stopQuietly(MpvSession s) {
        try {
            s.stop();
        } catch (IOException e) {
            LOG.warning("mpv stop failed: " + e.getMessage());
        }
    }
}
