package vn.bantin.app.live;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.app.AreaScope;
import vn.bantin.app.TimelineService;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EndpointSiteRepository;
import vn.bantin.store.EndpointSiteRepository.Location;
import vn.bantin.store.EndpointSiteRepository.Site;
import vn.bantin.store.NameRepository;
import vn.bantin.store.PlayPageRepository;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows on first load, in one read: every endpoint in scope with its liveness, what it plays
 * by name and its faults; and pages of recent plays by name. Later changes arrive over {@link LiveEvents}.
 */
public final class DashboardService {

    /**
     * @param location  where it stands, null until placed; @param createdAt when it was made (by a person, or by a
     *                  device asking to enroll); @param hardware what a device waiting for approval said of itself;
     * @param nowPlaying what the device last reported playing; @param schedule what the timeline it was given plans
     *                   from now on (null when it has fetched none since the controller started)
     */
    public record EndpointSummary(long id, String name, EndpointKind kind, Long areaId, EndpointStatus status,
                                  boolean online, Long lastSeenAt, NowPlaying nowPlaying, List<OnAirEntry> schedule,
                                  List<String> faults,
                                  Location location, String deviceId, long createdAt, JsonObject hardware) {
    }

    public record Dashboard(long generatedAt, long offlineAfterMs, List<EndpointSummary> endpoints) {
    }

    public record NamedPlay(long endpointId, String endpointName, long seq, Long campaignId, String campaignName,
                            String assetName, String broadcastClass, Long scheduledStart, Long actualStart,
                            Long actualEnd, String outcome, String reason) {
    }

    public record PlayQuery(Long endpointId, String outcome, String broadcastClass, int offset, int limit) {
    }

    private final Database db;
    private final EndpointRepository endpoints;
    private final EndpointSiteRepository sites = new EndpointSiteRepository();
    private final NameRepository names;
    private final PlayPageRepository playPages;
    private final TimelineService timelines;
    private final EndpointLiveness liveness;
    private final AlertDeliveries alerts;
    private final AreaScope areaScope;
    private final Clock clock;

    public DashboardService(Database db, EndpointRepository endpoints, NameRepository names,
                            PlayPageRepository playPages, TimelineService timelines, EndpointLiveness liveness,
                            AlertDeliveries alerts, AreaScope areaScope, Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.names = names;
        this.playPages = playPages;
        this.timelines = timelines;
        this.liveness = liveness;
        this.alerts = alerts;
        this.areaScope = areaScope;
        this.clock = clock;
    }

    /** The areas whose events and endpoints this actor may see. */
    public Scope scopeOf(Actor actor) {
        return db.read(c -> areaScope.of(c, actor));
    }

    /** Every endpoint in the actor's scope, or only {@code onlyEndpointId} when given. */
    public Dashboard dashboard(Actor actor, Long onlyEndpointId) {
        long now = clock.millis();
        return db.read(c -> {
            Scope scope = areaScope.of(c, actor);
            Names resolved = new Names(c, names, timelines);
            Map<Long, EndpointRepository.Liveness> live = endpoints.allLiveness(c);
            Map<Long, Site> placed = sites.all(c);
            List<EndpointSummary> out = new ArrayList<>();
            for (Endpoint e : endpoints.all(c)) {
                if (!scope.contains(e.areaId()) || onlyEndpointId != null && onlyEndpointId != e.id()) {
                    continue;
                }
                EndpointRepository.Liveness l = live.get(e.id());
                Long lastSeen = l == null ? null : l.lastSeenAt();
                boolean online = liveness.online(e.id());
                JsonObject heartbeat = l == null ? null : parse(l.lastHeartbeatJson());
                NowPlaying playing = online && heartbeat != null && heartbeat.getValue("nowPlaying") instanceof JsonObject np
                        ? resolved.nowPlaying(e.id(), np) : null;
                List<OnAirEntry> schedule = online ? scheduleOf(e.id(), now, resolved) : null;
                Site site = placed.get(e.id());
                out.add(new EndpointSummary(e.id(), e.name(), e.kind(), e.areaId(), e.status(), online, lastSeen,
                        playing, schedule, EndpointFaults.of(e.status(), online, heartbeat), site.location(),
                        l == null ? null : l.deviceId(), site.createdAt(),
                        e.status() == EndpointStatus.PENDING ? parse(site.hardware()) : null));
            }
            return new Dashboard(now, liveness.offlineAfterMs(), out);
        });
    }

    private List<OnAirEntry> scheduleOf(long endpointId, long now, Names resolved) throws SQLException {
        var given = timelines.lastCompiled(endpointId);
        return given.isEmpty() ? null : OnAirSchedule.of(given.get(), now, resolved);
    }

    public List<NamedPlay> plays(Actor actor, PlayQuery q) {
        return db.read(c -> {
            Scope scope = areaScope.of(c, actor);
            Map<Long, Endpoint> visible = new HashMap<>();
            for (Endpoint e : endpoints.all(c)) {
                if (scope.contains(e.areaId()) && (q.endpointId() == null || q.endpointId() == e.id())) {
                    visible.put(e.id(), e);
                }
            }
            Names resolved = new Names(c, names, timelines);
            List<NamedPlay> out = new ArrayList<>();
            boolean everyEndpoint = scope.full() && q.endpointId() == null;
            for (PlayPageRepository.PlayRow p : playPages.page(c, new PlayPageRepository.Filter(
                    everyEndpoint ? null : visible.keySet(), q.outcome(), q.broadcastClass(), q.offset(), q.limit()))) {
                var alert = alerts.alertOfEntry(p.entryId());
                Endpoint endpoint = visible.get(p.endpointId());
                out.add(new NamedPlay(p.endpointId(), endpoint == null ? null : endpoint.name(), p.seq(),
                        alert == null ? p.campaignId() : null,
                        alert == null ? resolved.campaign(p.campaignId()) : alert.title(),
                        resolved.asset(p.sha256()), p.broadcastClass(), p.scheduledStart(), p.actualStart(),
                        p.actualEnd(), p.outcome(), p.reason()));
            }
            return out;
        });
    }

    private static JsonObject parse(String json) {
        try {
            return json == null ? null : new JsonObject(json);
        } catch (DecodeException e) {
            return null;
        }
    }
}
