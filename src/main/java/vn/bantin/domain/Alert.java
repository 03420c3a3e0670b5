package vn.bantin.domain;

import java.util.Optional;

/**
 * An emergency broadcast (DESIGN §4): plays {@code repeat} times, {@code intervalMs} apart, from
 * {@code startMs} on its targets, preempting everything there. Speakers get {@code audio}; screens
 * get {@code visual} (a VIDEO, or an IMAGE shown for {@code visualDurationMs}). Either may be null,
 * and then that kind of endpoint gets nothing. A repeat starting at or after {@code endMs} (if set)
 * or at or after {@code cancelledAt} (if cancelled) is not played.
 */
public record Alert(long id, String title, Targets targets, Asset audio, Asset visual, long visualDurationMs,
                    long startMs, int repeat, long intervalMs, Long endMs, int volume, AlertStatus status,
                    long createdAt, String createdBy, Long cancelledAt, String cancelledBy) {

    /** The item an endpoint of this kind plays, if any. */
    public Optional<Asset> assetFor(EndpointKind kind) {
        return Optional.ofNullable(kind == EndpointKind.SPEAKER ? audio : visual);
    }

    /** How long one play of this asset airs: an image's display time, else the media's own duration. */
    public long durationOf(Asset asset) {
        return asset.kind() == AssetKind.IMAGE ? visualDurationMs : asset.durationMs();
    }

    /** Start of repeat {@code k} (0-based). */
    public long repeatStart(int k) {
        return startMs + k * intervalMs;
    }

    /** Whether repeat {@code k} is to be played: before the end time and not cancelled before it began. */
    public boolean plays(int k) {
        long start = repeatStart(k);
        return k < repeat && (endMs == null || start < endMs) && (cancelledAt == null || start < cancelledAt);
    }

    /** The latest instant any repeat of this alert can still be on air. */
    public long lastEndMs() {
        long longest = 0;
        if (audio != null) {
            longest = durationOf(audio);
        }
        if (visual != null) {
            longest = Math.max(longest, durationOf(visual));
        }
        return repeatStart(repeat - 1) + longest;
    }
}
