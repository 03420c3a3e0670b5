package vn.bantin.agent.live;

import vn.bantin.agent.playback.MpvIpc;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps a live session's playout at a fixed delay after it was spoken, so loudspeakers in earshot of each other
 * play the same syllable together whenever each connected (no echo). The sample at stream position p was taken at
 * {@code epochMs + p} (the controller's clock, signed into the timeline entry); mpv, loading the stream with
 * {@link #LOADFILE_OPTIONS}, reports p as {@code time-pos} from the stream's own timestamps. Playing early, it holds
 * (pauses while the stream buffers); playing late, it speeds up a little (pitch kept) until it is back on time.
 */
public final class PlayoutAlignment {

    /**
     * mpv per-file options for a live stream: keep the stream's timestamps as time-pos; speed is file-local so
     * a catch-up speed never outlives the stream.
     */
    public static final String LOADFILE_OPTIONS = "rebase-start-time=no,speed=1";
    /** Mouth to loudspeaker: the pipeline (browser chunks, remux, Icecast, mpv) needs ~1 s; the target is ≤ 3 s. */
    public static final long DEFAULT_DELAY_MS = 1500;
    private static final long TOLERANCE_MS = 20;
    private static final double MAX_SPEEDUP = 0.08;
    private static final long CHECK_EVERY_MS = 250;
    /** One hold at most: a relay takes a stream without progress for 2.5 s for stalled. */
    private static final long MAX_HOLD_MS = 1000;

    /** What to do now: hold for {@code holdMs}, or play at {@code speed}; {@code errorMs} > 0 means late. */
    public record Step(long errorMs, long holdMs, double speed) {
    }

    /** The player being aligned: the position it plays (null while it has none), and its two controls. */
    public interface Playout {
        Double position() throws IOException;

        void pause(boolean paused) throws IOException;

        void speed(double speed) throws IOException;
    }

    private final LongSupplier controllerNow;
    private final long delayMs;

    /** {@code controllerNow}: the agent's clock corrected by the signed offset, in the controller's epoch ms. */
    public PlayoutAlignment(LongSupplier controllerNow, long delayMs) {
        this.controllerNow = controllerNow;
        this.delayMs = delayMs;
    }

    /** The correction for a stream whose position {@code timePosSeconds} is playing now. */
    public Step decide(long epochMs, double timePosSeconds) {
        long playingAt = controllerNow.getAsLong() - epochMs - Math.round(timePosSeconds * 1000);
        long error = playingAt - delayMs;
        if (error < -TOLERANCE_MS) {
            return new Step(error, Math.min(MAX_HOLD_MS, -error), 1.0);
        }
        if (error > TOLERANCE_MS) {
            return new Step(error, 0, 1.0 + Math.min(MAX_SPEEDUP, error / 2000.0));
        }
        return new Step(error, 0, 1.0);
    }

    /**
     * Aligns the stream until {@code playing} turns false (the entry ended or another took the air) or the thread
     * is interrupted (then it returns at once, without unpausing: the air may already belong to something else);
     * returns the last error in ms. Positions the player cannot give yet (still opening) are waited for.
     */
    public long keepAligned(Playout player, long epochMs, BooleanSupplier playing) throws IOException {
        long error = 0;
        double speed = 1.0;
        try {
            while (playing.getAsBoolean()) {
                Double pos = player.position();
                if (pos != null) {
                    Step step = decide(epochMs, pos);
                    error = step.errorMs();
                    if (step.holdMs() > 0) {
                        player.pause(true);
                        Thread.sleep(step.holdMs());
                        if (!playing.getAsBoolean()) {
                            break;
                        }
                        player.pause(false);
                    }
                    if (step.speed() != speed) {
                        speed = step.speed();
                        player.speed(speed);
                    }
                }
                Thread.sleep(CHECK_EVERY_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return error;
    }

    /** A bare mpv IPC connection as the player (the bench's probe). */
    public static Playout of(MpvIpc mpv) {
        return new Playout() {
            @Override
            public Double position() throws IOException {
                return PlayoutAlignment.position(mpv) instanceof Number n ? n.doubleValue() : null;
            }

            @Override
            public void pause(boolean paused) throws IOException {
                mpv.set("pause", paused);
            }

            @Override
            public void speed(double speed) throws IOException {
                mpv.set("speed", speed);
            }
        };
    }

    /** mpv's time-pos, or null while it has none (still opening the stream: "property unavailable"). */
    public static Object position(MpvIpc mpv) throws IOException {
        try {
            return mpv.command("get_property", "time-pos");
        } catch (IOException e) {
            if (!mpv.isOpen()) {
                throw e;
            }
            return null;
        }
    }
}
