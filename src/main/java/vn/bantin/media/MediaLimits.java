package vn.bantin.media;

import vn.bantin.domain.AssetKind;

import java.time.Duration;
import java.util.Locale;

/**
 * The largest file of each kind the controller takes on: bytes, pixels (pictures and video frames) and playing
 * time (audio and video). Checked on what ffprobe reads from the header, before anything is decoded, and the
 * duration again on what decoding found. Defaults fit LED boards (at most 4K frames) and bulletins (hours, not
 * days); every figure is configurable (ops/bantin.sample.properties, keys media.*).
 */
public record MediaLimits(long imageMaxBytes, long imageMaxPixels, long videoMaxBytes, long videoMaxPixels,
                          Duration videoMaxDuration, long audioMaxBytes, Duration audioMaxDuration) {

    /** 50 MB and 50 megapixels a picture; 2 GB, 4096×2304 and 3 h a video; 500 MB and 3 h an audio file. */
    public static final MediaLimits DEFAULTS = new MediaLimits(50_000_000L, 50_000_000L, 2_000_000_000L,
            4096L * 2304, Duration.ofHours(3), 500_000_000L, Duration.ofHours(3));

    /** The header's facts against the limits of its kind: size, then pixels, then duration (if it is believed). */
    void checkHeader(ProbeResult header, long sizeBytes, boolean durationBelieved) throws MediaRejected {
        AssetKind kind = header.kind();
        long maxBytes = switch (kind) {
            case IMAGE -> imageMaxBytes;
            case VIDEO -> videoMaxBytes;
            case AUDIO -> audioMaxBytes;
        };
        if (sizeBytes > maxBytes) {
            throw over(String.format(Locale.ROOT, "%s quá lớn: %s, giới hạn cho %s là %s",
                    viName(kind), megabytes(sizeBytes), viKind(kind), megabytes(maxBytes)),
                    String.format(Locale.ROOT, "The %s file is too large: %s; the limit for %s is %s",
                            enKind(kind), megabytes(sizeBytes), enKinds(kind), megabytes(maxBytes)),
                    MediaRejected.Reason.TOO_LARGE);
        }
        long pixels = (long) header.width() * header.height();
        long maxPixels = kind == AssetKind.IMAGE ? imageMaxPixels : videoMaxPixels;
        if (kind != AssetKind.AUDIO && pixels > maxPixels) {
            throw over(String.format(Locale.ROOT, "%s quá lớn: %d×%d điểm ảnh (%s), giới hạn cho %s là %s",
                    viName(kind), header.width(), header.height(), megapixels(pixels), viKind(kind),
                    megapixels(maxPixels)),
                    String.format(Locale.ROOT, "The %s is too large: %d×%d pixels (%ss); the limit for %s is %ss",
                            enKind(kind), header.width(), header.height(), megapixels(pixels), enKinds(kind),
                            megapixels(maxPixels)), MediaRejected.Reason.OVER_LIMIT);
        }
        if (durationBelieved) {
            checkDuration(kind, header.durationMs());
        }
    }

    /** A playing time (decoded, or a believable header's) against its kind's limit. */
    void checkDuration(AssetKind kind, long durationMs) throws MediaRejected {
        Duration max = maxDuration(kind);
        if (max != null && durationMs > max.toMillis()) {
            throw over(String.format(Locale.ROOT, "%s quá dài: %s, giới hạn cho %s là %s", viName(kind),
                    clock(durationMs), viKind(kind), clock(max.toMillis())),
                    String.format(Locale.ROOT, "The %s file is too long: %s; the limit for %s is %s", enKind(kind),
                            clock(durationMs), enKinds(kind), clock(max.toMillis())), MediaRejected.Reason.OVER_LIMIT);
        }
    }

    /** The longest playing time of a kind; null for pictures. */
    Duration maxDuration(AssetKind kind) {
        return switch (kind) {
            case IMAGE -> null;
            case VIDEO -> videoMaxDuration;
            case AUDIO -> audioMaxDuration;
        };
    }

    private static MediaRejected over(String vi, String en, MediaRejected.Reason reason) {
        return new MediaRejected(reason, vi + " / " + en);
    }

    private static String viName(AssetKind kind) {
        return switch (kind) {
            case IMAGE -> "Ảnh";
            case VIDEO -> "Video";
            case AUDIO -> "Tệp âm thanh";
        };
    }

    private static String viKind(AssetKind kind) {
        return switch (kind) {
            case IMAGE -> "ảnh";
            case VIDEO -> "video";
            case AUDIO -> "âm thanh";
        };
    }

    private static String enKind(AssetKind kind) {
        return switch (kind) {
            case IMAGE -> "picture";
            case VIDEO -> "video";
            case AUDIO -> "audio";
        };
    }

    private static String enKinds(AssetKind kind) {
        return kind == AssetKind.AUDIO ? "audio" : enKind(kind) + "s";
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.1f megapixel", pixels / 1_000_000.0);
    }

    /** h:mm:ss, as staff read a programme's length. */
    static String clock(long ms) {
        long s = Math.round(ms / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
