package vn.bantin.agent.relay;

import java.util.ArrayList;
import java.util.List;
import vn.bantin.agent.spool.PlayRecord;

/**
 * The relay's timeline of outages: when the stream was heard, when it was not and why. At most
 * {@value #MAX_GAPS} gaps are listed (a record is at most 4000 characters); later ones merge into the last.
 */
final class GapLog {

    static final int MAX_GAPS = 20;
    private static final int MAX_REASON = 200;

    private final String fallback;
    private final List<PlayRecord.Gap> gaps = new ArrayList<>();
    private Long openFrom;
    private String openReason;
    private boolean openFallbackHeard;
    private Long firstOnAir;
    private int merged;
    private String mergedFirst;

    /** @param fallback sha256 of the fallback looped in gaps, null = silence */
    GapLog(String fallback) {
        this.fallback = fallback;
    }

    /** The stream stopped being heard at {@code at}; the first reason of a gap is kept. */
    void down(long at, String reason) {
        if (openFrom == null) {
            openFrom = at;
            openReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        }
    }

    /** The fallback was heard in the open gap (only then does the gap name it). */
    void fallbackHeard() {
        openFallbackHeard = openFrom != null;
    }

    boolean fallbackWasHeard() {
        return openFallbackHeard;
    }

    /** The stream is heard from {@code at}. */
    void up(long at) {
        if (firstOnAir == null) {
            firstOnAir = at;
        }
        close(at);
    }

    boolean isDown() {
        return openFrom != null;
    }

    Long firstOnAir() {
        return firstOnAir;
    }

    String lastReason() {
        return openReason != null ? openReason : gaps.isEmpty() ? null : gaps.get(gaps.size() - 1).reason();
    }

    /** Figures over [start, end): gaps clipped to it, the stream's own time is what is left. */
    PlayRecord.Relay figures(long start, long end) {
        close(end);
        List<PlayRecord.Gap> inside = new ArrayList<>();
        long gapMs = 0;
        for (PlayRecord.Gap g : gaps) {
            long from = Math.max(start, g.from());
            long to = Math.min(end, g.to());
            if (from < to) {
                inside.add(new PlayRecord.Gap(from, to, g.reason(), g.fallback()));
                gapMs += to - from;
            }
        }
        return new PlayRecord.Relay(Math.max(0, end - start - gapMs), inside);
    }

    private void close(long at) {
        if (openFrom == null) {
            return;
        }
        PlayRecord.Gap gap = new PlayRecord.Gap(openFrom, Math.max(openFrom, at), openReason,
                openFallbackHeard ? fallback : null);
        if (gaps.size() < MAX_GAPS) {
            gaps.add(gap);
        } else {
            PlayRecord.Gap last = gaps.remove(gaps.size() - 1);
            if (merged++ == 0) {
                mergedFirst = last.reason();
            }
            gaps.add(new PlayRecord.Gap(last.from(), gap.to(), (merged + 1) + " outages merged here, the first: "
                    + mergedFirst, last.fallback() != null ? last.fallback() : gap.fallback()));
        }
        openFrom = null;
        openReason = null;
        openFallbackHeard = false;
    }
}
