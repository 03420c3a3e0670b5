package vn.bantin.http.access;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.app.ApiTokenService;
import vn.bantin.app.LoginThrottle;
import vn.bantin.app.SessionService;
import vn.bantin.app.TooManyAttempts;
import vn.bantin.http.Blocking;
import vn.bantin.http.Responses;
import vn.bantin.security.AdminCredential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Finds who is calling the management API: a bearer token (the configured admin token or a named API
 * token) or the browser session cookie, whose unsafe requests must also carry the session's CSRF token.
 * Wrong credentials count against the address like wrong passwords. Requests without credentials go on
 * only to public operations; each route's own gate then checks the role.
 */
public final class ManagementAuth implements Handler<RoutingContext> {

    public static final String COOKIE = "bantin_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Optional<AdminCredential> admin;
    private final ApiTokenService tokens;
    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final OperationPermissions permissions;
    private final Blocking blocking;

    public ManagementAuth(Optional<AdminCredential> admin, ApiTokenService tokens, SessionService sessions,
                          LoginThrottle throttle, OperationPermissions permissions, Blocking blocking) {
        this.admin = admin;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.permissions = permissions;
        this.blocking = blocking;
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean isPublic = permissions.isPublic(ctx.request().method(), ctx.request().path());
        String bearer = bearer(ctx);
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (bearer != null) {
            byBearer(ctx, bearer, isPublic);
        } else if (cookie != null) {
            bySession(ctx, cookie.getValue(), isPublic);
        } else if (isPublic) {
            ctx.next();
        } else {
            Actors.unauthenticated(ctx);
        }
    }

    private void byBearer(RoutingContext ctx, String token, boolean isPublic) {
        String address = Actors.address(ctx);
        try {
            throttle.check(address, null);
        } catch (TooManyAttempts e) {
            Responses.rateLimited(ctx, e);
            return;
        }
        if (admin.isPresent() && admin.get().matches(token)) {
            Actors.set(ctx, Actor.adminToken(), null);
            ctx.next();
            return;
        }
        Optional<Actor> known = tokens.cached(token);
        if (known.isPresent()) {
            Actors.set(ctx, known.get(), null);
            ctx.next();
            return;
        }
        ctx.request().pause();
        blocking.run(() -> tokens.resolve(token)).onComplete(found -> {
            if (found.succeeded() && found.result().isPresent()) {
                Actors.set(ctx, found.result().get(), null);
                ctx.next();
            } else if (found.failed()) {
                ctx.fail(found.cause());
            } else {
                throttle.failed(address, null);
                refuseOrContinue(ctx, isPublic);
            }
        });
    }

    private void bySession(RoutingContext ctx, String sessionId, boolean isPublic) {
        Optional<SessionService.Live> known = sessions.cached(sessionId);
        if (known.isPresent()) {
            withSession(ctx, known, isPublic);
            return;
        }
        ctx.request().pause();
        blocking.run(() -> sessions.resolve(sessionId)).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
            } else {
                withSession(ctx, found.result(), isPublic);
            }
        });
    }

    private static void withSession(RoutingContext ctx, Optional<SessionService.Live> found, boolean isPublic) {
        if (found.isEmpty()) {
            refuseOrContinue(ctx, isPublic);
        } else if (!SAFE.contains(ctx.request().method()) && !csrfMatches(ctx, found.get()) && !signingIn(ctx)) {
            Responses.error(ctx, 403, "csrf", "Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token) / Missing or"
                    + " wrong X-CSRF-Token header");
        } else {
            SessionService.Live live = found.get();
            Actors.set(ctx, live.user().asActor(), live);
            ctx.next();
        }
    }

    /** Stale credentials on a public operation (signing in again, the health check) are simply ignored. */
    private static void refuseOrContinue(RoutingContext ctx, boolean isPublic) {
        if (isPublic) {
            ctx.next();
        } else {
            Actors.unauthenticated(ctx);
        }
    }

    private static boolean signingIn(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && ctx.request().path().equals("/api/v1/session");
    }

    private static boolean csrfMatches(RoutingContext ctx, SessionService.Live live) {
        String sent = ctx.request().getHeader(CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                live.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
