package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import vn.bantin.agent.live.PlayoutAlignment;
import vn.bantin.agent.relay.StreamOutput;

/**
 * The agent's mpv as a relay's output. Streams open with low-latency settings: no cache or read-ahead, a
 * small probe, a short audio buffer and a network timeout, so a dead station is noticed in seconds. A live
 * session's stream is kept aligned to its timestamps ({@link PlayoutAlignment}) by a thread of its own, stopped
 * before anything else is loaded so it never pauses or speeds what comes next.
 */
public final class MpvStreamOutput implements StreamOutput {

    private static final Logger LOG = Logger.getLogger(MpvStreamOutput.class.getName());

    static final String LOW_LATENCY = "cache=no,demuxer-readahead-secs=0,demuxer-lavf-probesize=32768,"
            + "demuxer-lavf-analyzeduration=0.5,audio-buffer=0.2,network-timeout=5,audio-display=no";

    private final MpvProcess mpv;
    private final java.util.Map<Long, Long> firstProgress = new java.util.concurrent.ConcurrentHashMap<>();
    private final PlayoutAlignment alignment;
    private Thread aligning;

    /** {@code controllerNow}: the agent's clock in controller epoch ms, the clock live timestamps are in. */
    public MpvStreamOutput(MpvProcess mpv, LongSupplier controllerNow) {
        this.mpv = mpv;
        this.alignment = new PlayoutAlignment(controllerNow, PlayoutAlignment.DEFAULT_DELAY_MS);
    }

    @Override
    public long playStream(String url, int volume, Long epochMs) throws IOException {
        String options = String.format(Locale.ROOT, "pause=no,volume=%d,%s", volume, LOW_LATENCY);
        if (epochMs == null) {
            return start(url, options);
        }
        long handle = start(url, options + "," + PlayoutAlignment.LOADFILE_OPTIONS);
        align(mpv.session(), handle, epochMs);
        return handle;
    }

    @Override
    public long playLooped(Path file, int volume) throws IOException {
        return start(file.toString(), String.format(Locale.ROOT, "pause=no,volume=%d,loop-file=inf", volume));
    }

    private synchronized void align(MpvSession s, long handle, long epochMs) {
        Thread t = new Thread(() -> {
            try {
                // entry ids grow: a current one below the handle means the stream has not opened yet
                long error = alignment.keepAligned(playout(s), epochMs, () -> !Thread.currentThread().isInterrupted()
                        && !s.isClosed() && s.current() <= handle && s.view(handle).endedAt() == null);
                LOG.info("live playout alignment of entry " + handle + " ended " + error + " ms off");
            } catch (IOException e) {
                LOG.info("live playout alignment stopped: " + e.getMessage());
            }
        }, "live-alignment");
        t.setDaemon(true);
        aligning = t;
        t.start();
    }

    /** Ends the alignment thread, if any, before the air is given to something else. */
    private synchronized void stopAligning() {
        Thread t = aligning;
        aligning = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static PlayoutAlignment.Playout playout(MpvSession s) {
        return new PlayoutAlignment.Playout() {
            @Override
            public Double position() throws IOException {
                try {
                    return s.command("get_property", "time-pos") instanceof Number n ? n.doubleValue() : null;
                } catch (IOException e) {
                    if (s.isClosed()) {
                        throw e;
                    }
                    return null; // still opening: "property unavailable"
                }
            }

            @Override
            public void pause(boolean paused) throws IOException {
                s.command("set_property", "pause", paused);
            }

            @Override
            public void speed(double speed) throws IOException {
                s.command("set_property", "speed", speed);
            }
        };
    }

    /**
     * Loaded playing (a per-file pause=yes would be applied when the file opens, after any unpause sent now); the
     * session measures the real start from time-pos reports after the unpause mark.
     */
    private long start(String target, String options) throws IOException {
        stopAligning();
        MpvSession s = mpv.session();
        long entry = s.load(target, options, 0);
        s.unpause(entry);
        return entry;
    }

    @Override
    public Facts facts(long handle) {
        MpvSession s = mpv.running();
        if (s == null) {
            return new Facts(null, null, null, null, null, true);
        }
        MpvSession.View v = s.view(handle);
        return new Facts(heardFrom(handle, v), v.lastProgressAt(), v.endedAt(), v.endReason(), v.fileError(),
                s.isClosed());
    }

    /**
     * When sound really began: the session's start worked out from time-pos, once time-pos has advanced. A
     * stream slow to connect gets a start stamped at the unpause (the session's rule for images); then the
     * first progress report is the honest start.
     */
    private Long heardFrom(long handle, MpvSession.View v) {
        if (v.lastProgressAt() == null) {
            return null;
        }
        if (v.startedAt() != null && v.unpausedAt() != null && v.startedAt() > v.unpausedAt()) {
            return v.startedAt();
        }
        return firstProgress.computeIfAbsent(handle, k -> v.lastProgressAt());
    }

    @Override
    public void awaitChange(long handle, long ms) throws InterruptedException {
        MpvSession s = mpv.running();
        if (s == null) {
            Thread.sleep(ms);
        } else {
            s.awaitChange(handle, ms);
        }
    }

    @Override
    public void stop() {
        stopAligning();
        MpvSession s = mpv.running();
        if (s != null && !s.isClosed()) {
            try {
                s.stop();
            } catch (IOException e) {
                // mpv is gone: nothing plays
            }
        }
    }
}
