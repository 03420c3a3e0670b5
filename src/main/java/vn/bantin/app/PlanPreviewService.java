package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Timeline;
import vn.bantin.schedule.AffectedEndpoints;
import vn.bantin.schedule.AreaTree;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.schedule.CompiledSchedule;
import vn.bantin.schedule.Conflict;
import vn.bantin.schedule.ScheduleInput;
import vn.bantin.schedule.TimelineCompiler;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.AssetMedia;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.MediaRepository;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What endpoints would air over whole local days, and every conflict met there, compiled by the same
 * pure compiler as the timelines. Staff may preview campaigns and content not yet approved. Each endpoint's days
 * are local to its own zone; revoked endpoints are left out.
 */
public final class PlanPreviewService {

    public static final int MAX_DAYS = 7;

    /** One endpoint's plan over [fromMs, toMs): its timeline and the conflicts of occurrences in that window. */
    public record EndpointPlan(Endpoint endpoint, ZoneId zone, Timeline timeline, List<Conflict> conflicts) {
    }

    /** Campaigns by id and assets by SHA-256, to name what the plans refer to. */
    public record Preview(LocalDate date, int days, boolean includeUnapproved, List<EndpointPlan> plans,
                          Map<Long, Campaign> campaigns, Map<String, Asset> assets) {
    }

    private final AreaScope scope;
    private final Database db;
    private final AreaRepository areas;
    private final EndpointRepository endpoints;
    private final CampaignRepository campaigns;
    private final MediaRepository media;
    private final Clock clock;
    private final Supplier<Map<Long, Long>> readyAt;

    /** readyAt: asset id → when its processing is estimated to be done (MediaJobService#estimatedReady). */
    public PlanPreviewService(Database db, AreaRepository areas, EndpointRepository endpoints,
                              CampaignRepository campaigns, AreaScope scope, MediaRepository media, Clock clock,
                              Supplier<Map<Long, Long>> readyAt) {
        this.readyAt = readyAt;
        this.media = media;
        this.clock = clock;
        this.scope = scope;
        this.db = db;
        this.areas = areas;
        this.endpoints = endpoints;
        this.campaigns = campaigns;
    }

    /** Only endpoints in the actor's scope; one outside it, or an area outside it, is 404. */
    public Preview preview(Actor actor, Long endpointId, Long areaId, String date, String days,
                           boolean includeUnapproved) {
        if ((endpointId == null) == (areaId == null)) {
            throw ApiException.badRequest("bad_target", "Cần đúng một trong endpointId hoặc areaId / give exactly"
                    + " one of endpointId or areaId");
        }
        LocalDate day = LocalDates.parse("date", date);
        int dayCount = dayCount(days);
        return db.read(c -> {
            List<Area> allAreas = areas.all(c);
            List<Endpoint> allEndpoints = endpoints.all(c);
            List<Campaign> allCampaigns = campaigns.all(c);
            Scope visible = scope.of(c, actor);
            List<Endpoint> chosen;
            if (endpointId != null) {
                chosen = List.of(endpoints.byId(c, endpointId).filter(e -> visible.contains(e.areaId()))
                        .orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId)));
            } else {
                areas.byId(c, areaId).filter(a -> visible.contains(a.id()))
                        .orElseThrow(() -> ApiException.notFound("khu vực/area", areaId));
                Set<Long> under = AffectedEndpoints.of(ChangeScope.areas(areaId), allAreas, allEndpoints, List.of());
                chosen = allEndpoints.stream().filter(e -> under.contains(e.id())).toList();
            }
            List<Campaign> compiled = includeUnapproved
                    ? allCampaigns.stream().map(PlanPreviewService::approvedCopy).toList() : allCampaigns;
            List<EndpointPlan> plans = plans(allAreas, chosen.stream()
                    .filter(e -> e.status() != EndpointStatus.REVOKED).toList(), compiled, day, dayCount);
            Map<String, Asset> assets = assets(allCampaigns);
            return new Preview(day, dayCount, includeUnapproved, withUnready(plans, assets, media.allMedia(c)),
                    byId(allCampaigns), assets);
        });
    }

    /** Endpoints of one zone compile together, over that zone's local days. */
    private static List<EndpointPlan> plans(List<Area> areas, List<Endpoint> chosen, List<Campaign> campaigns,
                                            LocalDate day, int days) {
        AreaTree tree = new AreaTree(areas);
        Map<ZoneId, List<Endpoint>> byZone = new LinkedHashMap<>();
        for (Endpoint e : chosen) {
            byZone.computeIfAbsent(tree.zone(e.areaId()), z -> new ArrayList<>()).add(e);
        }
        List<EndpointPlan> plans = new ArrayList<>();
        for (Map.Entry<ZoneId, List<Endpoint>> zone : byZone.entrySet()) {
            long from = day.atStartOfDay(zone.getKey()).toInstant().toEpochMilli();
            long to = day.plusDays(days).atStartOfDay(zone.getKey()).toInstant().toEpochMilli();
            CompiledSchedule compiled = TimelineCompiler.compile(
                    new ScheduleInput(areas, zone.getValue(), campaigns, from, to));
            for (Endpoint e : zone.getValue()) {
                plans.add(new EndpointPlan(e, zone.getKey(), compiled.timelines().get(e.id()),
                        compiled.conflicts().stream().filter(x -> x.endpointId() == e.id()).toList()));
            }
        }
        plans.sort(Comparator.comparingLong(p -> p.endpoint().id()));
        return List.copyOf(plans);
    }

    /** Each plan with a NOT_READY conflict for every entry to come whose content will not be processed by then. */
    private List<EndpointPlan> withUnready(List<EndpointPlan> plans, Map<String, Asset> assets,
                                           Map<Long, AssetMedia> facts) {
        long now = clock.millis();
        Map<Long, Long> estimates = facts.values().stream().allMatch(m -> AssetMedia.READY.equals(m.status()))
                ? Map.of() : readyAt.get();
        List<EndpointPlan> out = new ArrayList<>();
        for (EndpointPlan p : plans) {
            List<Conflict> conflicts = new ArrayList<>(p.conflicts());
            conflicts.addAll(UnreadyContent.of(p.endpoint().id(), p.timeline(), assets, facts, estimates,
                    p.zone(), now));
            out.add(new EndpointPlan(p.endpoint(), p.zone(), p.timeline(), List.copyOf(conflicts)));
        }
        return List.copyOf(out);
    }

    /** The campaign as if it and its draft content were approved: what approving them would put on the air. */
    private static Campaign approvedCopy(Campaign c) {
        List<PlaylistItem> playlist = c.playlist().stream().map(i -> i.asset() == null || i.asset().approved() ? i
                : new PlaylistItem(approved(i.asset()), i.durationMs())).toList();
        return new Campaign(c.id(), c.name(), c.broadcastClass(), c.rank(), c.startDate(), c.endDate(), true,
                c.volume(), c.topic(), playlist, c.slots(), c.targets());
    }

    private static Asset approved(Asset a) {
        return new Asset(a.id(), a.sha256(), a.name(), a.kind(), a.sizeBytes(), a.durationMs(), true, a.expiresAt());
    }

    private static Map<Long, Campaign> byId(List<Campaign> campaigns) {
        Map<Long, Campaign> byId = new HashMap<>();
        campaigns.forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    private static Map<String, Asset> assets(List<Campaign> campaigns) {
        Map<String, Asset> bySha = new HashMap<>();
        for (Campaign c : campaigns) {
            for (PlaylistItem item : c.playlist()) {
                if (item.asset() != null) {
                    bySha.putIfAbsent(item.asset().sha256(), item.asset());
                }
            }
        }
        return bySha;
    }


    private static int dayCount(String raw) {
        try {
            int days = raw == null ? 1 : Integer.parseInt(raw.trim());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("bad_days", "Số ngày phải từ 1 đến " + MAX_DAYS + " / days must be 1-"
                + MAX_DAYS);
    }
}
