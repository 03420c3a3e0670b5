package vn.bantin.app.live;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import vn.bantin.app.PresenceService;
import vn.bantin.app.TimelineService;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.store.Database;
import vn.bantin.store.NameRepository;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Announces what people care about: an endpoint coming online or going silent (as {@link PresenceService}
 * decides, from every contact), and a change of what it plays (from heartbeats) — never every heartbeat.
 */
public final class EndpointLiveness {

    private record Beat(long at, String entryId, String name, Long areaId) {
    }

    private final Database db;
    private final NameRepository names;
    private final TimelineService timelines;
    private final LiveEvents live;
    private final AlertDeliveries alerts;
    private final Clock clock;
    private final PresenceService presence;
    private final Map<Long, Beat> online = new ConcurrentHashMap<>();

    public EndpointLiveness(Database db, NameRepository names, TimelineService timelines, LiveEvents live,
                            AlertDeliveries alerts, Clock clock, PresenceService presence) {
        this.db = db;
        this.names = names;
        this.timelines = timelines;
        this.live = live;
        this.alerts = alerts;
        this.clock = clock;
        this.presence = presence;
    }

    public long offlineAfterMs() {
        return presence.offlineAfterMs();
    }

    public boolean online(long endpointId) {
        return presence.isOnline(endpointId);
    }

    /** Called after each stored heartbeat. */
    public void heartbeat(long endpointId, String heartbeatJson) {
        JsonObject beat = parse(heartbeatJson);
        JsonObject reported = beat != null && beat.getValue("nowPlaying") instanceof JsonObject o ? o : null;
        List<String> faults = EndpointFaults.of(EndpointStatus.ACTIVE, true, beat);
        String entryId = reported == null ? null : reported.getString("entryId");
        long now = clock.millis();
        Beat previous = online.get(endpointId);
        if (previous != null && Objects.equals(previous.entryId(), entryId)) {
            online.put(endpointId, new Beat(now, entryId, previous.name(), previous.areaId()));
            publishHeartbeat(endpointId, previous.areaId(), now, faults);
            return;
        }
        db.read(c -> {
            var ref = names.endpoint(c, endpointId).orElse(null);
            if (ref == null) {
                return null;
            }
            online.put(endpointId, new Beat(now, entryId, ref.name(), ref.areaId()));
            NowPlaying playing = new Names(c, names, timelines).nowPlaying(endpointId, reported);
            live.publish("endpoint.playing", ref.areaId(), Facts.of("endpointId", endpointId,
                    "areaId", ref.areaId(), "nowPlaying", playing));
            if (entryId != null) {
                alerts.started(endpointId, entryId, playing.since() == null ? now : playing.since());
            }
            publishHeartbeat(endpointId, ref.areaId(), now, faults);
            return null;
        });
    }

    /**
     * That new facts are in (GET /api/v1/endpoints/{id} has them), with the faults they show, so a fault the device
     * cleared leaves the board at once; a screen showing the endpoint reloads it.
     */
    private void publishHeartbeat(long endpointId, Long areaId, long at, List<String> faults) {
        live.publish("endpoint.heartbeat", areaId, Facts.of("endpointId", endpointId, "areaId", areaId, "at", at,
                "faults", faults));
    }

    /** An endpoint came online or went silent: announced with its name and area. */
    public void presenceChanged(PresenceService.Change change) {
        if (!change.online()) {
            online.remove(change.endpointId());
        }
        db.read(c -> {
            names.endpoint(c, change.endpointId()).ifPresent(ref -> publishStatus(change.endpointId(), ref.name(),
                    ref.areaId(), change.online(), change.at()));
            return null;
        });
    }

    private void publishStatus(long endpointId, String name, Long areaId, boolean isOnline, long lastSeenAt) {
        live.publish("endpoint.status", areaId, Facts.of("endpointId", endpointId, "name", name, "areaId", areaId,
                "online", isOnline, "lastSeenAt", lastSeenAt));
    }

    private static JsonObject parse(String heartbeatJson) {
        try {
            return heartbeatJson == null ? null : new JsonObject(heartbeatJson);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
