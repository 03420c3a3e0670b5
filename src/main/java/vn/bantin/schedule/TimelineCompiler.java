package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.schedule.GroupPlanner.Draft;
import vn.bantin.schedule.GroupPlanner.DraftConflict;
import vn.bantin.schedule.GroupPlanner.Plan;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Compiles approved campaigns into one timeline per endpoint (DESIGN §5). Endpoints alike in kind,
 * zone, quiet hours and reached campaigns share one plan; only entry ids differ between them.
 * Occurrences start being resolved a day (or the longest loop window) before the window, so a
 * rolling window resolves collisions at its start the same way as the window before it did.
 */
public final class TimelineCompiler {

    private static final long MIN_LOOKBACK_MS = Duration.ofDays(1).toMillis();

    private record GroupKey(EndpointKind kind, ZoneId zone, Long quietAreaId, BitSet campaigns) {
    }

    private TimelineCompiler() {
    }

    public static CompiledSchedule compile(ScheduleInput input) {
        AreaTree areas = new AreaTree(input.areas());
        List<Campaign> campaigns = input.campaigns().stream()
                .filter(Campaign::approved)
                .sorted(Comparator.comparingLong(Campaign::id))
                .toList();
        Targeting targeting = new Targeting(campaigns, areas);
        long lookFromMs = input.fromMs() - lookback(campaigns);
        Candidates.PerCampaign candidates = new Candidates.PerCampaign(campaigns,
                OccurrenceCache.forRange(lookFromMs, input.toMs()));

        List<Endpoint> sorted = input.endpoints().stream().sorted(Comparator.comparingLong(Endpoint::id)).toList();
        Map<GroupKey, Area> groups = new LinkedHashMap<>();
        List<GroupKey> keys = new ArrayList<>(sorted.size());
        for (Endpoint endpoint : sorted) {
            ZoneId zone = areas.zone(endpoint.areaId());
            Area quietSource = endpoint.kind() == EndpointKind.SPEAKER ? areas.quietHoursSource(endpoint.areaId()) : null;
            GroupKey key = new GroupKey(endpoint.kind(), zone, quietSource == null ? null : quietSource.id(),
                    targeting.campaignsFor(endpoint));
            groups.putIfAbsent(key, quietSource);
            keys.add(key);
        }
        // groups plan independently (in parallel); results are assembled in endpoint order, so bytes do not depend on it
        Map<GroupKey, Plan> plans = new ConcurrentHashMap<>();
        groups.entrySet().parallelStream().forEach(g -> plans.put(g.getKey(),
                plan(g.getKey(), g.getValue(), candidates, lookFromMs, input)));
        List<Timeline> stamped = IntStream.range(0, sorted.size()).parallel()
                .mapToObj(i -> AlertOverlay.apply(stamp(sorted.get(i).id(), plans.get(keys.get(i)), input), sorted.get(i),
                        areas, input.alerts())).toList();

        Map<Long, Timeline> timelines = new LinkedHashMap<>();
        long[] endpointIds = new long[sorted.size()];
        List<List<DraftConflict>> conflicts = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            endpointIds[i] = sorted.get(i).id();
            timelines.put(endpointIds[i], stamped.get(i));
            conflicts.add(plans.get(keys.get(i)).conflicts());
        }
        return new CompiledSchedule(timelines, new ConflictList(endpointIds, conflicts));
    }

    private static Plan plan(GroupKey key, Area quietSource, Candidates.PerCampaign candidates, long lookFromMs,
                             ScheduleInput input) {
        QuietWindows quiet = quietSource == null ? QuietWindows.none()
                : QuietWindows.of(quietSource.quietHours(), key.zone(), lookFromMs, input.toMs());
        return new GroupPlanner(input.fromMs(), input.toMs(), quiet, quietSource)
                .plan(candidates.of(key.campaigns(), key.kind(), key.zone()));
    }

    private static Timeline stamp(long endpointId, Plan plan, ScheduleInput input) {
        List<TimelineEntry> entries = new ArrayList<>(plan.entries().size());
        for (Draft d : plan.entries()) {
            long segmentStart = d.mode() == SlotMode.ONCE ? d.occurrenceMs() : d.startMs();
            String id = EntryIds.of(endpointId, d.campaign().id(), d.slot().id(), d.occurrenceMs(), d.itemIndex(),
                    segmentStart);
            entries.add(new TimelineEntry(id, d.startMs(), d.endMs(), d.mode(), d.campaign().broadcastClass(),
                    d.campaign().id(), d.campaignName(), Math.max(0, Math.min(100, d.campaign().volume())),
                    d.anchorMs(), d.items(), d.stream()));
        }
        return new Timeline(endpointId, input.fromMs(), input.toMs(), List.copyOf(entries));
    }

    private static long lookback(List<Campaign> campaigns) {
        long longest = 0;
        for (Campaign campaign : campaigns) {
            for (Slot slot : campaign.slots() == null ? List.<Slot>of() : campaign.slots()) {
                if (slot.mode().hasWindow() && slot.window() != null) {
                    longest = Math.max(longest, slot.window().toMillis());
                }
            }
        }
        return Math.max(MIN_LOOKBACK_MS, longest);
    }
}
