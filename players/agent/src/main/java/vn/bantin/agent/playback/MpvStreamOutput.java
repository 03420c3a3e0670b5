package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import vn.bantin.agent.relay.StreamOutput;

/**
 * The agent's mpv as a relay's output. Streams open with low-latency settings: no cache or read-ahead, a
 * small probe, a short audio buffer and a network timeout, so a dead station is noticed in seconds.
 */
public final class MpvStreamOutput implements StreamOutput {

    static final String LOW_LATENCY = "cache=no,demuxer-readahead-secs=0,demuxer-lavf-probesize=32768,"
            + "demuxer-lavf-analyzeduration=0.5,audio-buffer=0.2,network-timeout=5,audio-display=no";

    private final MpvProcess mpv;
    private final java.util.Map<Long, Long> firstProgress = new java.util.concurrent.ConcurrentHashMap<>();

    public MpvStreamOutput(MpvProcess mpv) {
        this.mpv = mpv;
    }

    @Override
    public long playStream(String url, int volume) throws IOException {
        return start(url, String.format(Locale.ROOT, "pause=no,volume=%d,%s", volume, LOW_LATENCY));
    }

    @Override
    public long playLooped(Path file, int volume) throws IOException {
        return start(file.toString(), String.format(Locale.ROOT, "pause=no,volume=%d,loop-file=inf", volume));
    }

    /**
     * Loaded playing (a per-file pause=yes would be applied when the file opens, after any unpause sent now); the
     * session measures the real start from time-pos reports after the unpause mark.
     */
    private long start(String target, String options) throws IOException {
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
