package vn.bantin.schedule;

import vn.bantin.domain.Alert;
import vn.bantin.domain.Asset;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The last step of compiling one endpoint's timeline (DESIGN §5: EMERGENCY alert &gt; everything): each
 * repeat of an alert reaching the endpoint becomes an EMERGENCY ONCE entry, and whatever it overlaps
 * gives way. A ONCE entry overlapping an alert is dropped; a LOOP entry is cut around it and resumes
 * after it with the same anchor. Quiet hours do not apply. Alerts overlapping each other on one
 * endpoint play one after the other, in order of start, then alert id.
 */
public final class AlertOverlay {

    /** Alert entries carry no campaign. */
    public static final long NO_CAMPAIGN = 0;

    private record Span(long start, long end) {
    }

    private AlertOverlay() {
    }

    public static Timeline apply(Timeline timeline, Endpoint endpoint, AreaTree areas, List<Alert> alerts) {
        return preempt(timeline, entriesFor(endpoint, areas, alerts, timeline.fromMs(), timeline.toMs()));
    }

    /**
     * Puts entries that take the air whatever plays (alerts, live sessions: non-overlapping among themselves)
     * into a timeline: what they overlap gives way as described above.
     */
    public static Timeline preempt(Timeline timeline, List<TimelineEntry> preempting) {
        if (preempting.isEmpty()) {
            return timeline;
        }
        List<Span> spans = preempting.stream().map(e -> new Span(e.startMs(), e.endMs())).toList();
        List<TimelineEntry> out = new ArrayList<>(preempting);
        for (TimelineEntry entry : rejoinLoops(timeline.entries(), spans)) {
            if (entry.mode().hasWindow()) {
                out.addAll(cut(entry, spans));
            } else {
                out.add(entry);
            }
        }
        out.sort(Comparator.comparingLong(TimelineEntry::startMs));
        return new Timeline(timeline.endpointId(), timeline.fromMs(), timeline.toMs(), List.copyOf(out));
    }

    /** The alert entries of one endpoint within [fromMs, toMs), sorted and made non-overlapping. */
    static List<TimelineEntry> entriesFor(Endpoint endpoint, AreaTree areas, List<Alert> alerts, long fromMs,
                                          long toMs) {
        record Due(Alert alert, int repeat, Asset asset) {
        }
        List<Due> due = new ArrayList<>();
        for (Alert alert : alerts) {
            Asset asset = alert.assetFor(endpoint.kind()).orElse(null);
            if (asset == null || !targets(alert.targets(), endpoint, areas)) {
                continue;
            }
            for (int k = 0; alert.plays(k); k++) {
                due.add(new Due(alert, k, asset));
            }
        }
        due.sort(Comparator.comparingLong((Due d) -> d.alert().repeatStart(d.repeat()))
                .thenComparingLong(d -> d.alert().id()).thenComparingInt(Due::repeat));
        List<TimelineEntry> out = new ArrayList<>();
        long free = Long.MIN_VALUE;
        for (Due d : due) {
            long duration = d.alert().durationOf(d.asset());
            long start = Math.max(d.alert().repeatStart(d.repeat()), free);
            long end = start + duration;
            free = end;
            if (end <= fromMs || start >= toMs) {
                continue;
            }
            out.add(new TimelineEntry(entryId(endpoint.id(), d.alert().id(), d.repeat()), start, end, SlotMode.ONCE,
                    BroadcastClass.EMERGENCY, NO_CAMPAIGN, d.alert().title(), d.alert().volume(), start,
                    List.of(new TimelineItem(d.asset().sha256(), d.asset().sizeBytes(), duration, d.asset().kind()))));
        }
        return out;
    }

    /**
     * Whether an alert's targets reach an endpoint: its area or an ancestor, one of its tags, or its id, and
     * the endpoint lies within the alert's owner area.
     */
    public static boolean targets(Targets targets, Endpoint endpoint, AreaTree areas) {
        if (targets.withinAreaId() != null && (endpoint.areaId() == null
                || !targets.within(areas.selfAndAncestors(endpoint.areaId())))) {
            return false;
        }
        if (targets.endpointIds().contains(endpoint.id())) {
            return true;
        }
        if (endpoint.tags() != null && endpoint.tags().stream().anyMatch(targets.tags()::contains)) {
            return true;
        }
        return endpoint.areaId() != null
                && areas.selfAndAncestors(endpoint.areaId()).stream().anyMatch(targets.areaIds()::contains);
    }

    /**
     * Drops the ONCE entries an alert overlaps; where they had split a loop, its two parts join again
     * so the loop fills the time they leave (the alert then cuts it like any loop).
     */
    private static List<TimelineEntry> rejoinLoops(List<TimelineEntry> entries, List<Span> spans) {
        List<TimelineEntry> kept = new ArrayList<>();
        long removedUpTo = Long.MIN_VALUE;
        for (TimelineEntry entry : entries) {
            if (entry.mode() == SlotMode.ONCE && overlaps(entry, spans)) {
                boolean contiguous = kept.isEmpty() || kept.get(kept.size() - 1).endMs() == entry.startMs()
                        || removedUpTo == entry.startMs();
                removedUpTo = contiguous ? entry.endMs() : Long.MIN_VALUE;
                continue;
            }
            TimelineEntry previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (previous != null && removedUpTo == entry.startMs() && sameLoop(previous, entry)) {
                kept.set(kept.size() - 1, part(previous, previous.startMs(), entry.endMs()));
            } else {
                kept.add(entry);
            }
            removedUpTo = Long.MIN_VALUE;
        }
        return kept;
    }

    private static boolean overlaps(TimelineEntry entry, List<Span> spans) {
        return spans.stream().anyMatch(s -> s.start() < entry.endMs() && entry.startMs() < s.end());
    }

    private static boolean sameLoop(TimelineEntry a, TimelineEntry b) {
        return a.mode().hasWindow() && a.mode() == b.mode() && a.campaignId() == b.campaignId()
                && java.util.Objects.equals(a.stream(), b.stream())
                && a.anchorMs() == b.anchorMs() && a.items().equals(b.items());
    }

    /** The parts of a loop or relay entry outside every span; a part that starts later gets its own stable id. */
    private static List<TimelineEntry> cut(TimelineEntry loop, List<Span> spans) {
        List<TimelineEntry> parts = new ArrayList<>();
        long from = loop.startMs();
        for (Span s : spans) {
            if (s.end() <= from || s.start() >= loop.endMs()) {
                continue;
            }
            if (s.start() > from) {
                parts.add(part(loop, from, s.start()));
            }
            from = Math.max(from, s.end());
        }
        if (from < loop.endMs()) {
            parts.add(part(loop, from, loop.endMs()));
        }
        return parts;
    }

    private static TimelineEntry part(TimelineEntry loop, long start, long end) {
        String id = start == loop.startMs() ? loop.id() : derivedId(loop.id(), start);
        return loop.part(id, start, end);
    }

    /** The timeline entry id of one repeat of an alert on one endpoint. */
    public static String entryId(long endpointId, long alertId, int repeat) {
        ByteBuffer bytes = ByteBuffer.allocate(6 + 2 * Long.BYTES + Integer.BYTES)
                .put("alert:".getBytes(StandardCharsets.US_ASCII)).putLong(endpointId).putLong(alertId).putInt(repeat);
        return hex(bytes.array());
    }

    private static String derivedId(String entryId, long start) {
        byte[] idBytes = entryId.getBytes(StandardCharsets.US_ASCII);
        return hex(ByteBuffer.allocate(idBytes.length + Long.BYTES).put(idBytes).putLong(start).array());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(EntryIds.newDigest().digest(bytes), 0, 12);
    }
}
