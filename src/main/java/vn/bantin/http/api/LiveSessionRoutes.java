package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.LiveBroadcasts;
import vn.bantin.app.LiveSessionDraft;
import vn.bantin.app.LiveSessionService;
import vn.bantin.app.LiveSessionView;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.ListPage;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

import java.util.List;
import java.util.Map;

/** Live microphone sessions: open, list, look at, end; the audio itself comes through {@link LiveAudioSocket}. */
public final class LiveSessionRoutes {

    private static final int KEPT_IN_LIST = 1000;

    private final LiveSessionService sessions;
    private final LiveBroadcasts broadcasts;
    private final LiveAudioSocket audio;
    private final Blocking blocking;

    public LiveSessionRoutes(LiveSessionService sessions, LiveBroadcasts broadcasts, Blocking blocking) {
        this.sessions = sessions;
        this.broadcasts = broadcasts;
        this.audio = new LiveAudioSocket(sessions, broadcasts, blocking);
        this.blocking = blocking;
    }

    /** The microphone socket streams its own messages: no body handler before it. */
    public static boolean isAudio(String path) {
        return path.startsWith("/api/v1/live-sessions/") && path.endsWith("/audio");
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/live-sessions", Permission.READ, this::list);
        api.post("/api/v1/live-sessions", Permission.LIVE_SPEAK, this::open);
        api.get("/api/v1/live-sessions/:id", Permission.READ, this::get);
        api.post("/api/v1/live-sessions/:id/end", Permission.LIVE_SPEAK, this::end);
        api.get("/api/v1/live-sessions/:id/audio", Permission.LIVE_SPEAK, audio::handle);
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> shown(sessions.recent(actor, KEPT_IN_LIST)), ListPage::ok);
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> shown(sessions.get(actor, id)));
    }

    private void open(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        JsonInput in = JsonInput.of(ctx);
        JsonInput targets = in.object("targets");
        if (targets == null) {
            targets = JsonInput.wrap(null);
        }
        LiveSessionDraft draft = new LiveSessionDraft(in.optionalString("title"), in.optionalString("broadcastClass"),
                targets.longList("areaIds"), targets.stringList("tags"), targets.longList("endpointIds"));
        blocking.respond(ctx, () -> shown(sessions.open(actor, draft)), Responses::created);
    }

    private void end(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> shown(broadcasts.end(actor, id)));
    }

    /** Sessions as the API answers them: with the speakers' display names. */
    private List<JsonObject> shown(List<LiveSession> list) {
        Map<String, String> names = sessions.speakerNames(list);
        return list.stream().map(s -> new JsonObject(LiveSessionView.of(s, names.get(s.startedBy())))).toList();
    }

    private JsonObject shown(LiveSession s) {
        return shown(List.of(s)).get(0);
    }

    static JsonObject toJson(LiveSession s) {
        return new JsonObject(LiveSessionView.of(s));
    }

    static JsonObject toJson(Reach r) {
        return new JsonObject(LiveSessionView.of(r));
    }
}
