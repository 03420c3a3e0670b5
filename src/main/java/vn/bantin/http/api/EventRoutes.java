package vn.bantin.http.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.access.Scope;
import vn.bantin.app.live.LiveEvent;
import vn.bantin.app.live.LiveEvents;
import vn.bantin.http.Blocking;
import vn.bantin.http.EventStreamResponse;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

import java.util.function.Function;

/**
 * GET /api/v1/events: server-sent events for the UI, each {@code id: n}, {@code event: <type>},
 * {@code data: <facts as JSON>}, only those the caller's scope may see. A reconnecting browser sends
 * Last-Event-ID and first receives what it missed (while the hub still holds it). A client too slow to keep
 * up is disconnected (it reconnects and catches up) rather than buffered without bound.
 */
public final class EventRoutes {

    private static final int RECONNECT_MS = 3_000;

    private final LiveEvents events;
    private final Function<Actor, Scope> scopes;
    private final Blocking blocking;
    private final Vertx vertx;

    public EventRoutes(LiveEvents events, Function<Actor, Scope> scopes, Blocking blocking, Vertx vertx) {
        this.events = events;
        this.scopes = scopes;
        this.blocking = blocking;
        this.vertx = vertx;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/events", Permission.READ, ctx -> {
            Actor actor = Actors.of(ctx);
            blocking.run(() -> scopes.apply(actor)).onSuccess(scope -> stream(ctx, scope)).onFailure(ctx::fail);
        });
    }

    private void stream(RoutingContext ctx, Scope scope) {
        HttpServerResponse res = EventStreamResponse.open(ctx, "retry: " + RECONNECT_MS + "\n: bantin live events\n\n");
        Context context = vertx.getOrCreateContext();
        Runnable unsubscribe = events.subscribe(scope, lastEventId(ctx),
                e -> context.runOnContext(v -> send(res, e)));
        EventStreamResponse.keepAliveUntilGone(vertx, res, unsubscribe);
    }

    private static void send(HttpServerResponse res, LiveEvent e) {
        if (res.ended() || res.closed()) {
            return;
        }
        if (res.writeQueueFull()) {
            res.reset();
            return;
        }
        res.write("id: " + e.id() + "\nevent: " + e.type() + "\ndata: " + Json.encode(e.data()) + "\n\n");
    }

    private static long lastEventId(RoutingContext ctx) {
        String header = ctx.request().getHeader("Last-Event-ID");
        try {
            return header == null ? 0 : Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
