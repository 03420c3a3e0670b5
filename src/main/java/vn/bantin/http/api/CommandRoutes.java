package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.CommandService;
import vn.bantin.app.CommandService.CommandView;
import vn.bantin.app.PresenceService;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.CommandRepository.StoredCommand;
import vn.bantin.store.ConnectionRepository.Stretch;

/**
 * Remote control and presence of an endpoint: send a command and read its answer and screenshot; whether it is
 * online, and its connection history. Commands are for ADMIN and OPERATOR within their area.
 */
public final class CommandRoutes {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private final CommandService commands;
    private final PresenceService presence;
    private final Blocking blocking;

    public CommandRoutes(CommandService commands, PresenceService presence, Blocking blocking) {
        this.commands = commands;
        this.presence = presence;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.post("/api/v1/endpoints/:id/commands", Permission.ENDPOINT_WRITE, this::issue);
        api.get("/api/v1/endpoints/:id/commands", Permission.READ, this::list);
        api.get("/api/v1/endpoints/:id/commands/:commandId", Permission.READ, this::get);
        api.get("/api/v1/endpoints/:id/commands/:commandId/screenshot", Permission.READ, this::screenshot);
        api.get("/api/v1/endpoints/:id/connections", Permission.READ, this::connections);
    }

    private void issue(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        JsonInput in = JsonInput.of(ctx);
        String kind = in.requiredString("kind");
        Long volume = in.optionalLong("volume");
        blocking.respond(ctx, () -> commands.issue(actor, id, kind, volume == null ? null : Math.toIntExact(volume)),
                (c, v) -> Responses.created(c, toJson(v)));
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        int limit = limit(ctx);
        blocking.json(ctx, () -> commands.list(actor, id, limit).stream().map(CommandRoutes::toJson).toList());
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        long commandId = PathParams.id(ctx, "commandId");
        blocking.json(ctx, () -> toJson(commands.get(actor, id, commandId)));
    }

    private void screenshot(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        long commandId = PathParams.id(ctx, "commandId");
        blocking.respond(ctx, () -> commands.screenshot(actor, id, commandId), (c, file) -> c.response()
                .putHeader("Content-Type", "image/png").putHeader("Cache-Control", "private, max-age=3600")
                .sendFile(file.toString()));
    }

    private void connections(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        int limit = limit(ctx);
        blocking.json(ctx, () -> {
            PresenceService.Presence p = presence.of(actor, id, limit);
            return new JsonObject().put("endpointId", id).put("online", p.online()).put("lastSeenAt", p.lastSeenAt())
                    .put("connections", p.history().stream().map(CommandRoutes::toJson).toList());
        });
    }

    private static int limit(RoutingContext ctx) {
        String raw = ctx.request().getParam("limit");
        try {
            int n = raw == null ? DEFAULT_LIMIT : Integer.parseInt(raw);
            if (n < 1 || n > MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw vn.bantin.app.ApiException.badRequest("bad_limit", "limit phải từ 1 đến " + MAX_LIMIT
                    + " / limit must be 1-" + MAX_LIMIT);
        }
    }

    static JsonObject toJson(CommandView v) {
        StoredCommand c = v.command();
        return new JsonObject().put("id", c.id()).put("endpointId", c.endpointId()).put("kind", c.kind())
                .put("args", new JsonObject(c.argsJson())).put("status", v.status()).put("issuedBy", c.issuedBy())
                .put("issuedAt", c.issuedAt()).put("expiresAt", c.expiresAt()).put("sentAt", c.sentAt())
                .put("answeredAt", c.answeredAt()).put("detail", c.detail())
                .put("screenshot", c.screenshotBytes() == null ? null
                        : "/api/v1/endpoints/" + c.endpointId() + "/commands/" + c.id() + "/screenshot");
    }

    private static JsonObject toJson(Stretch s) {
        return new JsonObject().put("connectedAt", s.connectedAt()).put("lastSeenAt", s.lastSeenAt())
                .put("disconnectedAt", s.disconnectedAt());
    }
}
