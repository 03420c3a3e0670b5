package vn.bantin.schedule;

import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.EndpointState;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.StreamRef;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Puts the live sessions an endpoint takes into its timeline as STREAM entries from the session's epoch (stream
 * position 0) to its end, preempting what they overlap like an alert does. A PRIORITY or NORMAL session still
 * gives way to an EMERGENCY entry already there; sessions overlapping on one endpoint play the later one from its
 * start. A session still on air is planned up to {@code openEndMs} after its epoch; ending it cuts the entry.
 */
public final class LiveOverlay {

    private LiveOverlay() {
    }

    /** {@code urlOf} gives the stream URL agents play for a session's mount. */
    public static Timeline apply(Timeline timeline, List<LiveSession> sessions, long openEndMs,
                                 LongFunction<String> urlOf) {
        List<LiveSession> taken = sessions.stream()
                .filter(s -> s.epochMs() != null && takes(s, timeline.endpointId()))
                .sorted(Comparator.comparingLong(LiveSession::epochMs)).toList();
        List<TimelineEntry> live = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            LiveSession s = taken.get(i);
            long end = s.endedAt() != null ? s.endedAt() : s.epochMs() + openEndMs;
            if (i + 1 < taken.size()) {
                end = Math.min(end, taken.get(i + 1).epochMs());
            }
            if (end <= timeline.fromMs() || s.epochMs() >= timeline.toMs() || end <= s.epochMs()) {
                continue;
            }
            live.addAll(outsideEmergencies(entry(timeline.endpointId(), s, end, urlOf), timeline));
        }
        return AlertOverlay.preempt(timeline, live);
    }

    private static boolean takes(LiveSession s, long endpointId) {
        return s.endpoints().stream().anyMatch(r -> r.endpointId() == endpointId
                && r.state() != EndpointState.REFUSED);
    }

    private static TimelineEntry entry(long endpointId, LiveSession s, long end, LongFunction<String> urlOf) {
        return new TimelineEntry(entryId(endpointId, s.id()), s.epochMs(), end, SlotMode.STREAM, s.broadcastClass(),
                AlertOverlay.NO_CAMPAIGN, s.title(), 100, s.epochMs(), List.of(),
                new StreamRef(urlOf.apply(s.id()), s.title(), null, s.id(), s.epochMs()));
    }

    /** The parts of a non-emergency live entry that no EMERGENCY entry of the timeline holds. */
    private static List<TimelineEntry> outsideEmergencies(TimelineEntry live, Timeline timeline) {
        if (live.broadcastClass() == BroadcastClass.EMERGENCY) {
            return List.of(live);
        }
        List<TimelineEntry> parts = new ArrayList<>();
        long from = live.startMs();
        for (TimelineEntry e : timeline.entries()) {
            if (e.broadcastClass() != BroadcastClass.EMERGENCY || e.endMs() <= from || e.startMs() >= live.endMs()) {
                continue;
            }
            if (e.startMs() > from) {
                parts.add(part(live, from, e.startMs()));
            }
            from = Math.max(from, e.endMs());
        }
        if (from < live.endMs()) {
            parts.add(part(live, from, live.endMs()));
        }
        return parts;
    }

    private static TimelineEntry part(TimelineEntry live, long start, long end) {
        String id = start == live.startMs() ? live.id() : live.id().substring(0, 16) + Long.toHexString(start);
        return live.part(id, start, end);
    }

    /** The timeline entry id of a live session on one endpoint: the same for the whole session. */
    public static String entryId(long endpointId, long sessionId) {
        ByteBuffer bytes = ByteBuffer.allocate(5 + 2 * Long.BYTES).put("live:".getBytes(StandardCharsets.US_ASCII))
                .putLong(endpointId).putLong(sessionId);
        return HexFormat.of().formatHex(EntryIds.newDigest().digest(bytes.array()), 0, 12);
    }
}
