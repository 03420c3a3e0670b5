package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.access.Role;
import vn.bantin.app.ApiTokenService;
import vn.bantin.app.UserService;
import vn.bantin.http.Blocking;
import vn.bantin.http.ListPage;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

/** People and API tokens, managed by an ADMIN within their own area. */
public final class UserRoutes {

    private final UserService users;
    private final ApiTokenService tokens;
    private final Blocking blocking;

    public UserRoutes(UserService users, ApiTokenService tokens, Blocking blocking) {
        this.users = users;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/users", Permission.PEOPLE_MANAGE, this::list);
        api.post("/api/v1/users", Permission.PEOPLE_MANAGE, this::create);
        api.get("/api/v1/users/:id", Permission.PEOPLE_MANAGE, this::get);
        api.put("/api/v1/users/:id", Permission.PEOPLE_MANAGE, this::update);
        api.delete("/api/v1/users/:id", Permission.PEOPLE_MANAGE, this::delete);
        api.post("/api/v1/users/:id/password", Permission.PEOPLE_MANAGE, this::resetPassword);
        api.get("/api/v1/tokens", Permission.PEOPLE_MANAGE, this::listTokens);
        api.post("/api/v1/tokens", Permission.PEOPLE_MANAGE, this::createToken);
        api.delete("/api/v1/tokens/:id", Permission.PEOPLE_MANAGE, this::revokeToken);
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> users.list(actor).stream().map(PeopleJson::user).toList(), ListPage::ok);
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> PeopleJson.user(users.get(actor, id)));
    }

    /** {"username", "displayName", "role", "areaId", "language", "password"?}: without a password one is made. */
    private void create(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        JsonInput in = JsonInput.of(ctx);
        UserService.NewUser req = new UserService.NewUser(in.optionalString("username"),
                in.optionalString("displayName"), in.optionalString("password"), Role.parse(in.optionalString("role")),
                in.optionalLong("areaId"), in.optionalString("language"));
        blocking.respond(ctx, () -> users.create(actor, req), (c, created) -> {
            JsonObject body = PeopleJson.user(created.user());
            if (created.generatedPassword() != null) {
                body.put("password", created.generatedPassword());
            }
            c.response().putHeader("Cache-Control", "no-store");
            Responses.created(c, body);
        });
    }

    private void update(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        JsonInput in = JsonInput.of(ctx);
        String role = in.optionalString("role");
        Object disabled = in.raw().getValue("disabled");
        UserService.UserChange change = new UserService.UserChange(in.optionalString("displayName"),
                role == null ? null : Role.parse(role), in.optionalLong("areaId"),
                in.raw().containsKey("areaId") && in.raw().getValue("areaId") == null,
                in.optionalString("language"), disabled instanceof Boolean b ? b : null);
        blocking.json(ctx, () -> PeopleJson.user(users.update(actor, id, change)));
    }

    private void delete(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.noContent(ctx, () -> users.delete(actor, id));
    }

    private void resetPassword(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.respond(ctx, () -> users.resetPassword(actor, id), (c, password) -> {
            c.response().putHeader("Cache-Control", "no-store");
            Responses.ok(c, new JsonObject().put("password", password));
        });
    }

    private void listTokens(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> tokens.list(actor).stream().map(PeopleJson::token).toList(), ListPage::ok);
    }

    /** {"name", "role", "areaId"} → 201 with the plain token, shown this once. */
    private void createToken(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        JsonInput in = JsonInput.of(ctx);
        String name = in.optionalString("name");
        Role role = Role.parse(in.optionalString("role"));
        Long areaId = in.optionalLong("areaId");
        blocking.respond(ctx, () -> tokens.create(actor, name, role, areaId), (c, created) -> {
            c.response().putHeader("Cache-Control", "no-store");
            Responses.created(c, PeopleJson.token(created.token()).put("token", created.plain()));
        });
    }

    private void revokeToken(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> PeopleJson.token(tokens.revoke(actor, id)));
    }
}
