package vn.bantin.agent.relay;

import java.io.IOException;
import java.nio.file.Path;

/** The audio output a relay drives: the agent's one mpv. Times are controller epoch ms. */
public interface StreamOutput {

    /** What the output reported about one thing it was asked to play. */
    record Facts(Long startedAt, Long lastProgressAt, Long endedAt, String endReason, String fileError,
                 boolean outputGone) {
    }

    /**
     * Opens the stream with low-latency settings and starts it as soon as it is ready; returns its handle. With an
     * {@code epochMs} (a live session's) its playout is kept at a fixed delay after the stream's own timestamps.
     */
    long playStream(String url, int volume, Long epochMs) throws IOException;

    /** Loops a cached file until stopped; returns its handle. */
    long playLooped(Path file, int volume) throws IOException;

    Facts facts(long handle);

    /** Waits up to {@code ms} for news about the handle. */
    void awaitChange(long handle, long ms) throws InterruptedException;

    void stop();
}
