package vn.bantin.http.api;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Permission;
import vn.bantin.app.ApiException;
import vn.bantin.app.FirstAdmin;
import vn.bantin.app.SessionService;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.Responses;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.access.ManagementAuth;

/** Browser sign-in: the session cookie, its CSRF token, sign-out, own password change, first-admin setup. */
public final class SessionRoutes {

    private final SessionService sessions;
    private final FirstAdmin firstAdmin;
    private final Blocking blocking;

    public SessionRoutes(SessionService sessions, FirstAdmin firstAdmin, Blocking blocking) {
        this.sessions = sessions;
        this.firstAdmin = firstAdmin;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.post("/api/v1/session", Permission.PUBLIC, this::login);
        api.get("/api/v1/session", Permission.PUBLIC, this::current);
        api.delete("/api/v1/session", Permission.PUBLIC, this::logout);
        api.post("/api/v1/session/password", Permission.SIGNED_IN, this::changePassword);
        api.post("/api/v1/setup", Permission.PUBLIC, this::setUp);
    }

    private void login(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String username = in.optionalString("username");
        String password = in.optionalString("password");
        String address = Actors.address(ctx);
        blocking.respond(ctx, () -> sessions.login(username, password, address), (c, opened) -> {
            Cookie cookie = Cookie.cookie(ManagementAuth.COOKIE, opened.sessionId()).setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setPath("/").setSecure(c.request().isSSL());
            c.response().addCookie(cookie).putHeader("Cache-Control", "no-store");
            Responses.ok(c, new JsonObject().put("user", PeopleJson.user(opened.user()))
                    .put("csrfToken", opened.csrfToken()));
        });
    }

    private void current(RoutingContext ctx) {
        var session = Actors.session(ctx);
        var actor = Actors.find(ctx);
        ctx.response().putHeader("Cache-Control", "no-store");
        if (session.isPresent()) {
            Responses.ok(ctx, new JsonObject().put("user", PeopleJson.user(session.get().user()))
                    .put("csrfToken", session.get().csrfToken()));
        } else if (actor.isPresent()) {
            Responses.ok(ctx, new JsonObject().put("user", PeopleJson.actor(actor.get())).putNull("csrfToken"));
        } else {
            Responses.error(ctx, 401, "unauthenticated", "Chưa đăng nhập / Not signed in");
        }
    }

    private void logout(RoutingContext ctx) {
        var session = Actors.session(ctx);
        Cookie gone = Cookie.cookie(ManagementAuth.COOKIE, "").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setPath("/").setSecure(ctx.request().isSSL());
        if (session.isEmpty()) {
            ctx.response().addCookie(gone).setStatusCode(204).end();
            return;
        }
        blocking.respond(ctx, () -> {
            sessions.logout(session.get().idHash());
            return null;
        }, (c, v) -> c.response().addCookie(gone).setStatusCode(204).end());
    }

    private void changePassword(RoutingContext ctx) {
        SessionService.Live session = Actors.session(ctx).orElseThrow(() -> ApiException.badRequest("no_password",
                "Mã truy cập không có mật khẩu; hãy đăng nhập / Tokens have no password; sign in to change yours"));
        JsonInput in = JsonInput.of(ctx);
        String current = in.optionalString("currentPassword");
        String replacement = in.optionalString("newPassword");
        String address = Actors.address(ctx);
        blocking.respond(ctx, () -> {
            sessions.changePassword(session, current, replacement, address);
            return null;
        }, (c, v) -> c.response().setStatusCode(204).end());
    }

    /** {"setupToken", "username", "password", "displayName"} → 201 the first ADMIN, over every area. */
    private void setUp(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String token = in.optionalString("setupToken");
        String username = in.optionalString("username");
        String password = in.optionalString("password");
        String displayName = in.optionalString("displayName");
        String address = Actors.address(ctx);
        blocking.respond(ctx, () -> firstAdmin.create(token, username, displayName, password, address),
                (c, user) -> Responses.created(c, PeopleJson.user(user)));
    }
}
