package vn.bantin.app.evidence;

import vn.bantin.app.RenditionSwap;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.TimelineItem;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.report.ExpectedItem;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.media.MediaProfile;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.schedule.CompiledSchedule;
import vn.bantin.schedule.PlannedItem;
import vn.bantin.schedule.PlannedItems;
import vn.bantin.schedule.ScheduleInput;
import vn.bantin.schedule.TimelineCompiler;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.MediaRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records what the approved plan puts on every endpoint it reaches (DESIGN §5: expected plays are the plan,
 * not the pulls), whether or not an agent ever fetched it: compiled exactly as the endpoint's timeline is
 * (same window, same renditions), for every endpoint that is not revoked, enrolled or not. Only the
 * not-yet-started future is replaced; what was expected stays what was expected. Runs at startup, on a
 * period (so the horizon stays filled with no change and no pull) and after every schedule change, before
 * agents are told to pull.
 */
public final class PlanRecorder {

    private final Database db;
    private final AreaRepository areas;
    private final EndpointRepository endpoints;
    private final CampaignRepository campaigns;
    private final AlertRepository alerts;
    private final MediaRepository media;
    private final ExpectedPlayRepository expected;
    private final ReportRollups rollups;
    private final Clock clock;
    private final Duration horizon;

    public PlanRecorder(Database db, AreaRepository areas, EndpointRepository endpoints, CampaignRepository campaigns,
                        AlertRepository alerts, MediaRepository media, ExpectedPlayRepository expected,
                        ReportRollups rollups, Clock clock, Duration horizon) {
        this.db = db;
        this.areas = areas;
        this.endpoints = endpoints;
        this.campaigns = campaigns;
        this.alerts = alerts;
        this.media = media;
        this.expected = expected;
        this.rollups = rollups;
        this.clock = clock;
        this.horizon = horizon;
    }

    /** Every endpoint: at startup and on the period. */
    public void recordAll() {
        record(null, clock.millis());
    }

    /**
     * After a change that reached {@code affected}; a changed campaign also reaches the endpoints that still
     * expect it (its targets may have shrunk). The plan is the new one from the moment of the change, however
     * long this recording waits for the one before it.
     */
    public void changed(ChangeScope scope, Set<Long> affected) {
        Set<Long> ids = new TreeSet<>(affected);
        long now = clock.millis();
        db.read(c -> {
            for (long campaignId : scope.campaignIds()) {
                ids.addAll(expected.endpointsWithCampaign(c, campaignId, now));
            }
            return null;
        });
        record(scope.everything() ? null : ids, now);
    }

    /** @param endpointIds null for every endpoint; @param now what has started before it is history */
    private synchronized void record(Set<Long> endpointIds, long now) {
        long from = Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        long to = from + horizon.plus(Duration.ofDays(1)).toMillis();
        PlanSnapshot snapshot = snapshot(endpointIds, from);
        for (List<Endpoint> group : byProfile(snapshot).values()) {
            Map<Long, List<PlannedItem>> plans = plan(snapshot, group, from, to);
            for (Endpoint endpoint : group) {
                List<PlannedItem> items = plans.getOrDefault(endpoint.id(), List.of());
                List<ExpectedPlay> rows = items.stream().map(item -> row(snapshot, endpoint, item)).toList();
                List<ExpectedItem> counted = items.stream().filter(item -> item.startMs() >= now)
                        .map(item -> counted(endpoint.id(), item)).toList();
                db.tx(c -> {
                    expected.replaceFuture(c, endpoint.id(), now, rows);
                    rollups.planRecorded(c, endpoint.id(), now, counted);
                    rollups.planNamed(c, now, rows);
                    return null;
                });
            }
        }
    }

    private PlanSnapshot snapshot(Set<Long> endpointIds, long from) {
        return db.read(c -> {
            List<Endpoint> reached = endpoints.all(c).stream()
                    .filter(e -> e.status() != EndpointStatus.REVOKED)
                    .filter(e -> endpointIds == null || endpointIds.contains(e.id())).toList();
            Map<Long, String> profiles = new HashMap<>();
            Map<String, Map<Long, vn.bantin.store.Rendition>> renditions = new HashMap<>();
            for (Endpoint e : reached) {
                String profile = MediaProfile.of(e.kind(), endpoints.profileOf(c, e.id())).id();
                profiles.put(e.id(), profile);
                if (!renditions.containsKey(profile)) {
                    renditions.put(profile, media.renditionsFor(c, profile));
                }
            }
            return new PlanSnapshot(areas.all(c), reached, campaigns.all(c), alerts.onAirAfter(c, from), profiles,
                    renditions, media.allMedia(c));
        });
    }

    /** Endpoints of one kind and profile see the same renditions, so they compile together. */
    private static Map<String, List<Endpoint>> byProfile(PlanSnapshot s) {
        Map<String, List<Endpoint>> groups = new LinkedHashMap<>();
        for (Endpoint e : s.endpoints) {
            groups.computeIfAbsent(e.kind() + "/" + s.profiles.get(e.id()), k -> new ArrayList<>()).add(e);
        }
        return groups;
    }

    /** As the endpoints' timelines are compiled, plus what they leave out because its content is not processed. */
    private static Map<Long, List<PlannedItem>> plan(PlanSnapshot s, List<Endpoint> group, long from, long to) {
        EndpointKind kind = group.get(0).kind();
        Map<Long, vn.bantin.store.Rendition> renditions = s.renditions.get(s.profiles.get(group.get(0).id()));
        List<Campaign> airable = RenditionSwap.apply(s.campaigns, kind, renditions);
        ScheduleInput input = new ScheduleInput(s.areas, group, airable,
                RenditionSwap.applyToAlerts(s.alerts, renditions), from, to);
        CompiledSchedule compiled = TimelineCompiler.compile(input);
        Map<Long, List<PlannedItem>> plans = new HashMap<>(PlannedItems.of(compiled, input));
        UnreadyItems.of(s, group, airable, from, to).forEach((endpointId, unready) -> {
            List<PlannedItem> all = new ArrayList<>(plans.getOrDefault(endpointId, List.of()));
            all.addAll(unready);
            all.sort(Comparator.comparingLong(PlannedItem::startMs).thenComparing(PlannedItem::entryId));
            plans.put(endpointId, all);
        });
        return plans;
    }

    private static ExpectedPlay row(PlanSnapshot s, Endpoint endpoint, PlannedItem item) {
        AssetKind kind = item.items().isEmpty() ? AssetKind.AUDIO : item.items().get(0).kind();
        String sha = item.items().isEmpty() ? null : item.items().get(0).sha256();
        return new ExpectedPlay(endpoint.id(), item.entryId(), item.mode(), item.dropped(), item.campaignId(),
                item.alertId(), item.broadcastClass(), item.startMs(), item.endMs(), kind, sha, s.names(endpoint, item),
                item.conflictReason());
    }

    /** The plan item as the report rollups count it: content time per kind, DROPPED when the compiler dropped it. */
    private static ExpectedItem counted(long endpointId, PlannedItem p) {
        Map<AssetKind, Long> content = new EnumMap<>(AssetKind.class);
        if (p.mode() == vn.bantin.domain.SlotMode.STREAM) {
            content.put(AssetKind.AUDIO, Math.max(1, p.endMs() - p.startMs()));
        }
        for (TimelineItem i : p.mode() == vn.bantin.domain.SlotMode.STREAM ? List.<TimelineItem>of() : p.items()) {
            content.merge(i.kind(), Math.max(1, i.durationMs()), Long::sum);
        }
        return new ExpectedItem(endpointId, p.entryId(), p.campaignId(), p.mode(), p.startMs(), p.endMs(), content,
                p.dropped() ? PlanReason.DROPPED : null);
    }
}
