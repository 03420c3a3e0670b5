package vn.bantin.evidence.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What took the air on one endpoint: the live sessions it took, as the spans of air each held there (from its epoch
 * to its end, or as far as its timeline entry reaches while it is still on the air, cut where a later session
 * starts, as the timeline plays them: {@code schedule/LiveOverlay}), and the EMERGENCY alerts it played, as their
 * records have them ({@link #withAlerts}). Whatever a campaign planned inside a span yielded to it: campaigns are
 * never EMERGENCY, so every session class takes the air from them, and an alert takes it from everything.
 */
public final class LiveAir {

    /**
     * @param id      the session's or the alert's id
     * @param endedAt when it ended; null while a session is on the air (toMs is then how far its entry reaches)
     */
    public record Span(Preemption.By by, long id, String title, long fromMs, long toMs, Long endedAt) {

        /** A live session's span. */
        public Span(long sessionId, String title, long fromMs, long toMs, Long endedAt) {
            this(Preemption.By.LIVE_SESSION, sessionId, title, fromMs, toMs, endedAt);
        }

        /** An alert's span, from its record: it is over. */
        public static Span alert(long alertId, String title, long fromMs, long toMs) {
            return new Span(Preemption.By.ALERT, alertId, title, fromMs, toMs, toMs);
        }

        /** The span as an exception names it: what held the air, and its end once it ended. */
        public Preemption preemption() {
            return new Preemption(by, id, title, fromMs, endedAt == null ? null : toMs);
        }

        private Span between(long from, long to) {
            return new Span(by, id, title, from, to, to < toMs ? Long.valueOf(to) : endedAt);
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
                .thenComparingLong(Span::id)).toList();
        List<Span> cut = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Span s = sorted.get(i);
            long to = i + 1 < sorted.size() ? Math.min(s.toMs(), sorted.get(i + 1).fromMs()) : s.toMs();
            if (to > s.fromMs()) {
                cut.add(s.between(s.fromMs(), to));
            }
        }
        return new LiveAir(List.copyOf(cut));
    }

    /**
     * These spans and the alerts' (as their records have them, one after another): an alert takes the air from a
     * session too, so a session's span is cut around it (the session resumes after it, as the timeline plays it).
     */
    public LiveAir withAlerts(List<Span> alerts) {
        if (alerts.isEmpty()) {
            return this;
        }
        List<Span> out = new ArrayList<>(alerts);
        List<Span> inOrder = alerts.stream().sorted(Comparator.comparingLong(Span::fromMs)).toList();
        for (Span s : spans) {
            long from = s.fromMs();
            for (Span a : inOrder) {
                if (a.toMs() <= from || a.fromMs() >= s.toMs()) {
                    continue;
                }
                if (a.fromMs() > from) {
                    out.add(s.between(from, a.fromMs()));
                }
                from = Math.max(from, a.toMs());
            }
            if (from < s.toMs()) {
                out.add(s.between(from, s.toMs()));
            }
        }
        out.sort(Comparator.comparingLong(Span::fromMs));
        return new LiveAir(List.copyOf(out));
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
                            p.windowStartMs(), from, to, ms, p.campaignId(), null), s.by(), s.id()));
                }
            }
        }
        return taken;
    }
}
