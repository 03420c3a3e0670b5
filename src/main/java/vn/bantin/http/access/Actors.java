package vn.bantin.http.access;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.app.ApiException;
import vn.bantin.app.SessionService;
import vn.bantin.http.Responses;

import java.util.Optional;

/** The acting person or token of a request, as ManagementAuth found it. */
public final class Actors {

    private static final String ACTOR = "bantin.actor";
    private static final String SESSION = "bantin.session";
    private static final String UNAUTHENTICATED = "Cần đăng nhập hoặc mã truy cập (Authorization: Bearer ...) /"
            + " Sign in or send a token (Authorization: Bearer ...)";

    private Actors() {
    }

    static void set(RoutingContext ctx, Actor actor, SessionService.Live session) {
        ctx.put(ACTOR, actor.from(address(ctx)));
        if (session != null) {
            ctx.put(SESSION, session);
        }
    }

    public static Optional<Actor> find(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(ACTOR));
    }

    /** The actor of a gated route (the gate has already refused anonymous requests). */
    public static Actor of(RoutingContext ctx) {
        return find(ctx).orElseThrow(() -> new ApiException(401, "unauthenticated", UNAUTHENTICATED));
    }

    /** The browser session, when the request came with one. */
    public static Optional<SessionService.Live> session(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(SESSION));
    }

    public static String address(RoutingContext ctx) {
        var remote = ctx.request().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    static void unauthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bantin\"");
        Responses.error(ctx, 401, "unauthenticated", UNAUTHENTICATED);
    }
}
