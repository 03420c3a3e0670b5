package vn.bantin.app;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.EndpointState;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.domain.LiveSession.Status;
import vn.bantin.domain.Targets;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.schedule.LiveOverlay;
import vn.bantin.schedule.LiveReach;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.LiveSessionRepository;
import vn.bantin.store.UserRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Live microphone sessions: opened by an operator (or higher) for targets in their scope, on air from the first
 * audio (its arrival is stream position 0), ended by the speaker or by a broken link. Each change recompiles the
 * timelines of the session's endpoints (a STREAM entry each, {@link LiveOverlay}) and pushes them; listeners (the
 * speaker's socket, the live hub) learn every change, endpoints' acknowledgements included.
 */
public final class LiveSessionService {

    private final Database db;
    private final LiveSessionRepository sessions;
    private final AreaRepository areas;
    private final EndpointRepository endpoints;
    private final TargetCheck targetCheck;
    private final UserRepository users = new UserRepository();
    private final AreaScope scope;
    private final ChangeNotifier changes;
    private final LongPredicate online;
    private final Clock clock;
    private final List<Consumer<LiveSession>> listeners = new CopyOnWriteArrayList<>();

    public LiveSessionService(Database db, LiveSessionRepository sessions, AreaRepository areas,
                              EndpointRepository endpoints, AreaScope scope, ChangeNotifier changes,
                              LongPredicate online, Clock clock) {
        this.db = db;
        this.sessions = sessions;
        this.areas = areas;
        this.endpoints = endpoints;
        this.targetCheck = new TargetCheck(areas, endpoints);
        this.scope = scope;
        this.changes = changes;
        this.online = online;
        this.clock = clock;
    }

    /** Told of every change of every session (state, endpoints' states). */
    public Runnable onChange(Consumer<LiveSession> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Opens a session reaching the targeted loudspeakers now; those in quiet hours refuse a non-emergency one. */
    public LiveSession open(Actor actor, LiveSessionDraft d) {
        long now = clock.millis();
        LiveSession opened = db.tx(c -> {
            String title = title(d.title());
            BroadcastClass broadcastClass = broadcastClass(d.broadcastClass());
            Targets targets = targetCheck.existing(c, "Phát trực tiếp", scope.of(c, actor), actor.areaId(),
                    list(d.areaIds()), list(d.tags()), list(d.endpointIds()));
            List<Reach> reach = new ArrayList<>();
            for (Reach r : LiveReach.of(targets, broadcastClass, areas.all(c), endpoints.all(c), now)) {
                reach.add(r.state() == EndpointState.WAITING && !online.test(r.endpointId())
                        ? new Reach(r.endpointId(), r.name(), r.areaId(), EndpointState.OFFLINE,
                        "Thiết bị đang mất kết nối / The endpoint is offline", now) : r);
            }
            long id = sessions.insert(c, new LiveSession(0, title, broadcastClass, Status.OPEN, targets, actor.name(),
                    now, null, null, null, "", null, reach));
            return sessions.byId(c, id).orElseThrow();
        });
        told(opened);
        return opened;
    }

    public List<LiveSession> recent(Actor actor, int limit) {
        return db.read(c -> {
            Scope visible = scope.of(c, actor);
            return sessions.recent(c, limit).stream().filter(s -> visible.contains(s.targets().withinAreaId()))
                    .toList();
        });
    }

    /**
     * The display names of the people who opened these sessions, by login, each looked up once; a login whose
     * account is gone stands for itself.
     */
    public Map<String, String> speakerNames(Collection<LiveSession> shown) {
        return db.read(c -> {
            Map<String, String> names = new HashMap<>();
            for (LiveSession s : shown) {
                if (!names.containsKey(s.startedBy())) {
                    names.put(s.startedBy(), users.byUsername(c, s.startedBy()).map(vn.bantin.access.User::displayName)
                            .orElse(s.startedBy()));
                }
            }
            return names;
        });
    }

    public LiveSession get(Actor actor, long id) {
        return db.read(c -> visible(c, actor, id));
    }

    /** The first audio arrived: the session is on air from now, stream position 0 being this instant. */
    public LiveSession onAir(long id, long epochMs) {
        LiveSession s = db.tx(c -> sessions.onAir(c, id, epochMs) ? sessions.byId(c, id).orElseThrow() : null);
        if (s != null) {
            announce(s);
        }
        return s;
    }

    /** Ends a session the actor may see (idempotent: an ended one is answered as it is). */
    public LiveSession end(Actor actor, long id) {
        db.read(c -> visible(c, actor, id));
        return finish(id, Status.ENDED, null).orElseGet(() -> db.read(c -> sessions.byId(c, id).orElseThrow()));
    }

    /** Ends a session for a reason of its own (the microphone went away, the stream broke). */
    public Optional<LiveSession> finish(long id, Status status, String reason) {
        long now = clock.millis();
        LiveSession s = db.tx(c -> sessions.finish(c, id, status, now, reason) ? sessions.byId(c, id).orElseThrow()
                : null);
        if (s == null) {
            return Optional.empty();
        }
        announce(s);
        return Optional.of(s);
    }

    /**
     * Fails what cannot go on: at start-up every session still open or on air (its microphone was connected to the
     * controller that stopped), later a session opened but never given audio within {@code openFor}.
     */
    public void expire(boolean startingUp, java.time.Duration openFor) {
        long now = clock.millis();
        for (LiveSession s : db.read(sessions::unfinished)) {
            if (startingUp) {
                finish(s.id(), Status.FAILED, "Bộ điều khiển khởi động lại giữa phiên / The controller restarted"
                        + " during the session");
            } else if (s.status() == Status.OPEN && now - s.startedAt() > openFor.toMillis()) {
                finish(s.id(), Status.FAILED, "Không nhận được âm thanh từ micro / No audio came from the"
                        + " microphone");
            }
        }
    }

    /** The session's recording is kept as this asset. */
    public void recorded(long id, long assetId) {
        told(db.tx(c -> {
            sessions.recording(c, id, assetId);
            return sessions.byId(c, id).orElseThrow();
        }));
    }

    /** A stored heartbeat: its nowPlaying {entryId, since} may acknowledge a live session. */
    public void heartbeat(long endpointId, String heartbeatJson) {
        try {
            Object playing = new JsonObject(heartbeatJson).getValue("nowPlaying");
            if (playing instanceof JsonObject np && np.getValue("entryId") instanceof String entryId) {
                playing(endpointId, entryId, np.getValue("since") instanceof Number n ? n.longValue() : clock.millis());
            }
        } catch (DecodeException e) {
            // the heartbeat was checked against its schema before it was stored; nothing to acknowledge
        }
    }

    /**
     * An endpoint reported what it plays (heartbeat nowPlaying): if that is a live session's entry, the endpoint
     * acknowledged it. Sessions on air are few; their entries are recomputed, never looked up by a scan of history.
     */
    public void playing(long endpointId, String entryId, long since) {
        if (entryId == null) {
            return;
        }
        List<LiveSession> acknowledged = db.tx(c -> {
            List<LiveSession> out = new ArrayList<>();
            for (LiveSession s : sessions.liveAfter(c, clock.millis())) {
                if (s.onAir() && LiveOverlay.entryId(endpointId, s.id()).equals(entryId)
                        && sessions.reach(c, s.id(), endpointId, EndpointState.PLAYING, null, since)) {
                    out.add(sessions.byId(c, s.id()).orElseThrow());
                }
            }
            return out;
        });
        acknowledged.forEach(this::told);
    }

    /**
     * The sessions' entries start or stop on their endpoints: recompile those timelines and push them, once the
     * listeners know (the evidence records the expected broadcast before any agent can fetch it).
     */
    private void announce(LiveSession s) {
        told(s);
        Long[] ids = s.endpoints().stream().filter(r -> r.state() != EndpointState.REFUSED)
                .map(Reach::endpointId).toArray(Long[]::new);
        if (ids.length > 0) {
            changes.scheduleChanged(ChangeScope.endpoints(ids));
        }
    }

    private void told(LiveSession s) {
        listeners.forEach(l -> l.accept(s));
    }

    private LiveSession visible(Connection c, Actor actor, long id) throws SQLException {
        LiveSession s = sessions.byId(c, id).orElseThrow(() -> ApiException.notFound("phiên phát trực tiếp/live"
                + " session", id));
        AreaScope.requireVisible(scope.of(c, actor), s.targets().withinAreaId(), "phiên phát trực tiếp/live session",
                id);
        return s;
    }

    private static String title(String raw) {
        if (raw == null || raw.isBlank() || raw.strip().length() > 300) {
            throw ApiException.badRequest("bad_title", "Phiên phát trực tiếp cần tiêu đề (tối đa 300 ký tự) / title"
                    + " is required (at most 300 characters)");
        }
        return raw.strip();
    }

    private static BroadcastClass broadcastClass(String raw) {
        try {
            return raw == null ? BroadcastClass.NORMAL : BroadcastClass.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_class", "Loại phát phải là EMERGENCY, PRIORITY hoặc NORMAL /"
                    + " broadcastClass must be EMERGENCY, PRIORITY or NORMAL");
        }
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
