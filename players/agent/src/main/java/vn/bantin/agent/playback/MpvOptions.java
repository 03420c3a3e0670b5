package vn.bantin.agent.playback;

import java.util.Locale;

/** The per-file options a segment is loaded with: paused at its position, at its volume, images for their time. */
final class MpvOptions {

    private MpvOptions() {
    }

    static String of(Segment seg, int volume) {
        StringBuilder o = new StringBuilder(String.format(Locale.ROOT, "pause=yes,start=%.3f,volume=%d",
                seg.offsetMs() / 1000.0, volume));
        if (seg.item().isImage()) {
            o.append(String.format(Locale.ROOT, ",image-display-duration=%.3f", (seg.endAt() - seg.startAt()) / 1000.0));
        }
        return o.toString();
    }

    static double startSec(Segment seg) {
        return seg.offsetMs() / 1000.0;
    }
}
