package vn.bantin.agent.playback;

import java.util.Locale;
import vn.bantin.agent.spool.PlayRecord.Outcome;

/**
 * How a played segment ended, worked out from what mpv reported: PLAYED only when the whole item was
 * heard — begun at its start and run for its whole duration (within {@link #TOLERANCE_MS}) to mpv's end
 * of file, which mpv sends once the last audio left the output, not once it was decoded.
 */
public record Ending(Outcome outcome, String reason, boolean over) {

    static final long TOLERANCE_MS = 250;

    /** mpv ended the file by itself ({@code eof}, {@code error}, {@code stop}...). */
    static Ending fromMpv(Segment seg, String mpvReason, String fileError, long start, long end) {
        if ("error".equals(mpvReason)) {
            return new Ending(Outcome.FAILED, "mpv could not play the file" + (fileError == null ? "" : ": " + fileError),
                    true);
        }
        if (!"eof".equals(mpvReason)) {
            return new Ending(Outcome.INTERRUPTED, "mpv ended the file: " + mpvReason, true);
        }
        return heard(seg, start, end, "ended after %d of %d ms");
    }

    /** The agent cut it: the loop window closed, or the next item was due. */
    static Ending cut(Segment seg, long start, long end, String why) {
        return heard(seg, start, end, why + " after %d of %d ms");
    }

    private static Ending heard(Segment seg, long start, long end, String shortFormat) {
        long duration = seg.item().durationMs();
        if (seg.offsetMs() > TOLERANCE_MS) {
            return new Ending(Outcome.INTERRUPTED, String.format(Locale.ROOT,
                    "joined %.1f s into the item; heard %d of %d ms", seg.offsetMs() / 1000.0, end - start, duration),
                    true);
        }
        if (end - start < duration - TOLERANCE_MS) {
            return new Ending(Outcome.INTERRUPTED, String.format(Locale.ROOT, shortFormat, end - start, duration), true);
        }
        return new Ending(Outcome.PLAYED, null, true);
    }

    /** Stopped before its end by something else (an alert, a new timeline, mpv dying): may be joined again. */
    static Ending interrupted(String reason) {
        return new Ending(Outcome.INTERRUPTED, reason, false);
    }

    static Ending failed(String reason) {
        return new Ending(Outcome.FAILED, reason, true);
    }
}
