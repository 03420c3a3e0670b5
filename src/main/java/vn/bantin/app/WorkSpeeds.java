package vn.bantin.app;

import vn.bantin.domain.AssetKind;
import vn.bantin.media.MediaProfile;
import vn.bantin.store.MediaJob;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long media jobs take here: per task and source kind, milliseconds of work per millisecond of media, plus a
 * fixed start-up cost. Starts from conservative figures for this class of machine and follows what finished jobs
 * actually took (a running average), so the readiness estimate in the plan preview learns the machine it runs on.
 */
final class WorkSpeeds {

    /** Starting ffmpeg, probing, storing: paid by every job whatever its length. */
    static final long FIXED_MS = 2_000;
    /** How much a new measurement moves the running average. */
    private static final double WEIGHT = 0.5;

    private final Map<String, Double> measured = new ConcurrentHashMap<>();

    /** The expected time of one job on a source of this kind and length. */
    long costMs(String task, AssetKind kind, long mediaMs) {
        return FIXED_MS + Math.round(rate(task, kind) * Math.max(0, mediaMs));
    }

    /** What a finished job took; jobs on sources with no length (pictures) teach nothing per second. */
    void observe(String task, AssetKind kind, long mediaMs, long tookMs) {
        if (mediaMs < 1_000) {
            return;
        }
        double rate = Math.max(0, tookMs - FIXED_MS) / (double) mediaMs;
        measured.merge(key(task, kind), rate, (old, now) -> old + WEIGHT * (now - old));
    }

    double rate(String task, AssetKind kind) {
        Double m = measured.get(key(task, kind));
        return m != null ? m : startingRate(task, kind);
    }

    /**
     * Before anything is measured: a loudness pass is ~3% of real time, speech (two passes and an MP3) ~10%,
     * an H.264 encode on two shared cores from ~30% (LED) to ~80% (1080p) of real time, a picture nothing per
     * second.
     */
    static double startingRate(String task, AssetKind kind) {
        if (kind == AssetKind.IMAGE) {
            return 0;
        }
        if (MediaJob.PREVIEW.equals(task)) {
            return 0.03;
        }
        MediaProfile profile = MediaProfile.byId(task).orElse(MediaProfile.SCREEN_1920X1080);
        if (profile == MediaProfile.SPEAKER_SPEECH) {
            return 0.1;
        }
        double pixels = (double) profile.width() * profile.height();
        return 0.3 + 0.5 * Math.min(1, pixels / (1920.0 * 1080));
    }

    private static String key(String task, AssetKind kind) {
        return task + "/" + kind;
    }
}
