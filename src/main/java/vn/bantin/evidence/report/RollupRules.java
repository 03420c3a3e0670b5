package vn.bantin.evidence.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.PlayRecordPayload;

/**
 * How records and plan items change the rollup cells. Pure: the same rules serve rollups kept as records
 * arrive, the bulk rebuild and the full-scan baseline, so all three agree by construction.
 *
 * <ul>
 *   <li>A record counts on the local date of its scheduled start ({@link Measure#RECORDS}, played records,
 *       loop item outcomes); its airtime is split at local midnight.</li>
 *   <li>A ONCE entry counts once, on the local date of its start, under its current {@link BroadcastStatus};
 *       a record or a classification moves it from one status to another.</li>
 *   <li>A LOOP window counts its length per local date as expected airtime, shared between content kinds in
 *       the playlist's proportions; what live sessions the endpoint took held of it counts as preempted airtime,
 *       what EMERGENCY alerts it played held as airtime yielded to alerts ({@link LiveAir}), both left out of the
 *       loop completion.</li>
 *   <li>A live microphone session is one expected broadcast per endpoint that took it (a ONCE-like entry on the
 *       session's row, {@link RollupKey#liveSession}); its STREAM record counts for that entry and on that row,
 *       not as loop airtime outside campaigns ({@link #countedAs}).</li>
 * </ul>
 */
public final class RollupRules {

    private RollupRules() {
    }

    public static void addRecord(RollupDeltas d, long endpointId, ZoneId zone, AssetKind kind, PlayRecordPayload r) {
        long campaign = r.campaignId() == null ? RollupKey.NO_CAMPAIGN : r.campaignId();
        RollupKey key = new RollupKey(endpointId, campaign, kind, DayParts.dayOf(r.scheduledStart(), zone));
        d.add(key, Measure.RECORDS, 1);
        if (r.outcome() == PlayOutcome.PLAYED) {
            d.add(key, Measure.PLAYED_RECORDS, 1);
        }
        boolean loop = r.mode() != SlotMode.ONCE;
        if (loop) {
            d.add(key, loopMeasure(r.outcome()), 1);
        }
        if (r.actualStart() != null && r.actualEnd() != null) {
            long total = Math.max(0, r.actualEnd() - r.actualStart());
            for (DayParts.Part part : DayParts.of(r.actualStart(), r.actualEnd(), zone)) {
                RollupKey partKey = new RollupKey(endpointId, campaign, kind, part.day());
                long length = onAir(part.lengthMs(), total, r.onAirMs());
                d.add(partKey, Measure.AIRTIME_MS, length);
                if (loop) {
                    d.add(partKey, Measure.LOOP_PLAYED_MS, length);
                }
            }
        }
    }

    /**
     * A relay counts only the time its stream was heard, not its gaps; the gaps are spread over the record's day
     * parts in proportion (a window crossing midnight is rare and the record lists each gap anyway).
     */
    private static long onAir(long partMs, long totalMs, Long onAirMs) {
        if (onAirMs == null || totalMs == 0) {
            return partMs;
        }
        return Math.round((double) partMs * Math.min(onAirMs, totalMs) / totalMs);
    }

    /**
     * Whether a record may be the record of a planned entry: a ONCE record, or a STREAM record outside campaigns
     * (a live session's, when its entry is a live session's planned entry).
     */
    public static boolean mayCountForEntry(PlayRecordPayload r) {
        return r.entryId() != null && (r.mode() == SlotMode.ONCE || r.mode() == SlotMode.STREAM
                && (r.campaignId() == null || r.campaignId() == RollupKey.NO_CAMPAIGN));
    }

    /**
     * The record as the report counts it: a live session's STREAM record (its entry is the session's planned entry)
     * is that session's broadcast, on the session's row; every other record as it is.
     */
    public static PlayRecordPayload countedAs(PlayRecordPayload r, EntryState entry) {
        if (r.mode() != SlotMode.STREAM || entry == null || !RollupKey.isLiveSession(entry.campaignId())
                || !mayCountForEntry(r) || !r.entryId().equals(entry.entryId())) {
            return r;
        }
        return new PlayRecordPayload(r.deviceId(), r.seq(), r.prevHash(), r.entryId(), entry.campaignId(),
                r.broadcastClass(), SlotMode.ONCE, r.sha256(), r.scheduledStart(), r.actualStart(), r.actualEnd(),
                r.outcome(), r.reason(), r.clockOffsetMs(), r.timelineVersion(), r.onAirMs());
    }

    /** A ONCE record for an entry: the entry's new state, its status moved in the cells. */
    public static EntryState recordForEntry(RollupDeltas d, EntryState before, PlayRecordPayload r) {
        return move(d, before, before.withRecord(r));
    }

    public static EntryState onceExpected(RollupDeltas d, EntryState before, ExpectedItem item, ZoneId zone) {
        return move(d, before, before.expectedAs(item, DayParts.dayOf(item.startMs(), zone)));
    }

    public static EntryState onceWithdrawn(RollupDeltas d, EntryState before) {
        return move(d, before, before.withdrawn());
    }

    public static EntryState onceClassified(RollupDeltas d, EntryState before, PlanReason reason) {
        return move(d, before, before.classified(reason));
    }

    /**
     * Whether a window item of a new plan is time the plan already expects of a window of the same campaign under
     * way when the plan changed: what an alert cut out of a running window resumes after it as a part with its own
     * id, yet the window under way stays counted as it was planned, whole, with the alert's stretch yielded to it.
     */
    public static boolean alreadyExpected(ExpectedItem item, List<WindowPart> underWay) {
        return underWay.stream().anyMatch(w -> w.campaignId() == item.campaignId() && w.startMs() < item.endMs()
                && item.startMs() < w.endMs());
    }

    /** Whether a record is an EMERGENCY alert's, on the air for a while: it takes that air from any window. */
    public static boolean heldTheAirForAlert(PlayRecordPayload r) {
        return r.broadcastClass() == BroadcastClass.EMERGENCY && r.mode() == SlotMode.ONCE && r.actualStart() != null
                && r.actualEnd() != null && r.actualEnd() > r.actualStart();
    }

    /** A LOOP window cut at local midnights and shared between its content kinds. */
    public static List<WindowPart> windowParts(ExpectedItem item, ZoneId zone) {
        long total = item.contentMs().values().stream().mapToLong(Long::longValue).sum();
        List<WindowPart> parts = new ArrayList<>();
        for (DayParts.Part part : DayParts.of(item.startMs(), item.endMs(), zone)) {
            long left = part.lengthMs();
            List<Map.Entry<AssetKind, Long>> kinds = item.contentMs().entrySet().stream()
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.comparingByKey()).toList();
            for (int i = 0; i < kinds.size(); i++) {
                long share = i == kinds.size() - 1 ? left
                        : Math.multiplyExact(part.lengthMs(), kinds.get(i).getValue()) / total;
                left -= share;
                parts.add(new WindowPart(item.endpointId(), item.entryId(), part.day(), kinds.get(i).getKey(),
                        item.startMs(), part.startMs(), part.endMs(), share, item.campaignId(), item.reason()));
            }
        }
        return parts;
    }

    public static void windowParts(RollupDeltas d, List<WindowPart> parts, int sign) {
        for (WindowPart p : parts) {
            d.add(p.key(), Measure.LOOP_EXPECTED_MS, sign * p.ms());
            if (p.reason() == PlanReason.NOT_DELIVERED) {
                d.add(p.key(), Measure.LOOP_NOT_DELIVERED_MS, sign * p.ms());
            }
        }
    }

    /** What live sessions and alerts took of windows, counted in ({@code sign} 1) or out (-1). */
    public static void preemptedParts(RollupDeltas d, List<PreemptedPart> parts, int sign) {
        for (PreemptedPart p : parts) {
            d.add(p.part().key(), p.measure(), sign * p.part().ms());
        }
    }

    /** Counts a due-so-far entry into a cell (for days whose plan side is counted from the entries). */
    public static void addDueEntry(Figures f, EntryState e) {
        if (e.status() != null) {
            f.add(e.status().measure(), 1);
        }
    }

    private static EntryState move(RollupDeltas d, EntryState before, EntryState after) {
        if (before.status() != null) {
            d.add(before.key(), before.status().measure(), -1);
        }
        if (after.status() != null) {
            d.add(after.key(), after.status().measure(), 1);
        }
        return after;
    }

    private static Measure loopMeasure(PlayOutcome outcome) {
        return switch (outcome) {
            case PLAYED -> Measure.LOOP_ITEM_PLAYS;
            case MISSED -> Measure.LOOP_MISSED;
            case INTERRUPTED -> Measure.LOOP_INTERRUPTED;
            case FAILED -> Measure.LOOP_FAILED;
        };
    }
}
