package vn.bantin.evidence.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The live sessions one endpoint took, as the spans of air each held there: from its epoch to its end (or as far as
 * its timeline entry reaches while it is still on the air), cut where a later session starts, as the timeline plays
 * them ({@code schedule/LiveOverlay}). Whatever a campaign planned inside a span yielded to the session: campaigns
 * are never EMERGENCY (alerts are), so every session class takes the air from them.
 */
public final class LiveAir {

    /**
     * @param endedAt when the session ended; null while it is on the air (toMs is then how far its entry reaches)
     */
    public record Span(long sessionId, String title, long fromMs, long toMs, Long endedAt) {

        /** The span as an exception names it: the session, and its end once it ended. */
        public Preemption preemption() {
            return new Preemption(sessionId, title, fromMs, endedAt == null ? null : toMs);
        }
    }

    private final List<Span> spans;

    private LiveAir(List<Span> spans) {
        this.spans = spans;
    }

    public static LiveAir none() {
        return new LiveAir(List.of());
    }

    /** The sessions as recorded (any order, possibly overlapping): each cut where the next one starts. */
    public static LiveAir of(List<Span> taken) {
        List<Span> sorted = taken.stream().sorted(Comparator.comparingLong(Span::fromMs)
                .thenComparingLong(Span::sessionId)).toList();
        List<Span> cut = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Span s = sorted.get(i);
            long to = i + 1 < sorted.size() ? Math.min(s.toMs(), sorted.get(i + 1).fromMs()) : s.toMs();
            if (to > s.fromMs()) {
                cut.add(new Span(s.sessionId(), s.title(), s.fromMs(), to, to < s.toMs() ? Long.valueOf(to)
                        : s.endedAt()));
            }
        }
        return new LiveAir(List.copyOf(cut));
    }

    public List<Span> spans() {
        return spans;
    }

    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /** The first span on the air at some time in [fromMs, toMs). */
    public Optional<Span> during(long fromMs, long toMs) {
        return spans.stream().filter(s -> s.fromMs() < toMs && s.toMs() > fromMs).findFirst();
    }

    /**
     * What the spans took of a LOOP or relay window's parts: per part and span, the overlap's share of the part's
     * expected airtime (a part is a content kind's share of a day, so the overlap takes the same share).
     */
    public List<PreemptedPart> takenFrom(List<WindowPart> parts) {
        List<PreemptedPart> taken = new ArrayList<>();
        for (WindowPart p : parts) {
            for (Span s : spans) {
                long from = Math.max(p.startMs(), s.fromMs());
                long to = Math.min(p.endMs(), s.toMs());
                if (to > from) {
                    long ms = Math.multiplyExact(p.ms(), to - from) / (p.endMs() - p.startMs());
                    taken.add(new PreemptedPart(new WindowPart(p.endpointId(), p.entryId(), p.day(), p.kind(),
                            p.windowStartMs(), from, to, ms, p.campaignId(), null), s.sessionId()));
                }
            }
        }
        return taken;
    }
}
