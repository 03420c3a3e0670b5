package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.EndpointService;
import vn.bantin.app.EndpointView;
import vn.bantin.domain.Endpoint;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.ListPage;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;

import java.util.ArrayList;

public final class EndpointRoutes {

    private final EndpointService endpoints;
    private final Blocking blocking;

    public EndpointRoutes(EndpointService endpoints, Blocking blocking) {
        this.endpoints = endpoints;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/endpoints", Permission.READ, this::list);
        api.post("/api/v1/endpoints", Permission.ENDPOINT_WRITE, this::create);
        api.get("/api/v1/endpoints/:id", Permission.READ, this::get);
        api.post("/api/v1/endpoints/:id/enrollment-code", Permission.ENDPOINT_WRITE, this::issueCode);
        api.post("/api/v1/areas/:id/enrollment-codes", Permission.ENDPOINT_WRITE, this::issueAreaCode);
        api.get("/api/v1/areas/:id/enrollment-codes", Permission.ENDPOINT_WRITE, this::listAreaCodes);
        api.post("/api/v1/areas/:id/enrollment-codes/:ref/revoke", Permission.ENDPOINT_WRITE, this::revokeAreaCode);
        api.post("/api/v1/endpoints/:id/approve", Permission.ENDPOINT_WRITE, this::approve);
        api.post("/api/v1/endpoints/:id/revoke", Permission.ENDPOINT_WRITE, this::revoke);
        api.post("/api/v1/endpoints/:id/reject", Permission.ENDPOINT_WRITE, this::reject);
        api.post("/api/v1/endpoints/:id/rekey", Permission.ENDPOINT_WRITE, this::rekey);
        api.put("/api/v1/endpoints/:id/profile", Permission.ENDPOINT_WRITE, this::setProfile);
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> endpoints.all(actor).stream().map(EndpointRoutes::toJson).toList(), ListPage::ok);
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(endpoints.get(actor, id)));
    }

    private void create(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        JsonInput in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String kind = in.requiredString("kind");
        Long areaId = in.optionalLong("areaId");
        var tags = in.stringList("tags");
        String profile = in.optionalString("profile");
        blocking.respond(ctx, () -> endpoints.create(actor, name, kind, areaId, tags, profile),
                (c, v) -> Responses.created(c, toJson(v)));
    }

    private void issueCode(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.respond(ctx, () -> endpoints.issueCode(actor, id), EndpointRoutes::issued);
    }

    /** {"maxUses": 1-500 (default 20), "validDays": 1-30 (default 7)} */
    private void issueAreaCode(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        JsonInput in = ctx.body().length() > 0 ? JsonInput.of(ctx) : null;
        Long maxUses = in == null ? null : in.optionalLong("maxUses");
        Long validDays = in == null ? null : in.optionalLong("validDays");
        int uses = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, maxUses == null ? 20 : maxUses));
        int days = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, validDays == null ? 7 : validDays));
        blocking.respond(ctx, () -> endpoints.issueAreaCode(actor, id, uses, days),
                (c, code) -> Responses.created(c, withCa(new JsonObject().put("areaId", code.areaId())
                        .put("ref", code.ref()).put("code", code.code()).put("expiresAt", code.expiresAt()).put("maxUses", code.maxUses())
                        .put("controllerKeyFingerprint", code.controllerKeyFingerprint()),
                        code.controllerCaFingerprint())));
    }

    private void listAreaCodes(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.respond(ctx, () -> endpoints.activeAreaCodes(actor, id).stream().map(EndpointRoutes::toJson).toList(),
                ListPage::ok);
    }

    private void revokeAreaCode(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        String ref = ctx.pathParam("ref");
        blocking.json(ctx, () -> toJson(endpoints.revokeAreaCode(actor, id, ref)));
    }

    private static JsonObject toJson(EndpointService.AreaCodeView a) {
        return new JsonObject().put("areaId", a.areaId()).put("ref", a.ref()).put("expiresAt", a.expiresAt())
                .put("maxUses", a.maxUses()).put("uses", a.uses()).put("createdBy", a.createdBy())
                .put("issuedByName", a.issuedByName()).put("createdAt", a.createdAt());
    }

    private void rekey(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.respond(ctx, () -> endpoints.rekey(actor, id), EndpointRoutes::issued);
    }

    private static void issued(RoutingContext ctx, EndpointService.IssuedCode code) {
        Responses.created(ctx, withCa(new JsonObject().put("endpointId", code.endpointId()).put("code", code.code())
                .put("expiresAt", code.expiresAt()).put("controllerKeyFingerprint", code.controllerKeyFingerprint()),
                code.controllerCaFingerprint()));
    }

    /** The local CA's fingerprint for agents to pin, when the controller made its own CA (tls.mode=local-ca). */
    private static JsonObject withCa(JsonObject code, String caFingerprint) {
        return caFingerprint == null ? code : code.put("controllerCaFingerprint", caFingerprint);
    }

    private void reject(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(endpoints.reject(actor, id)));
    }

    private void approve(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        Long areaId = ctx.body().length() > 0 ? JsonInput.of(ctx).optionalLong("areaId") : null;
        blocking.json(ctx, () -> toJson(endpoints.approve(actor, id, areaId)));
    }

    /** {"profile": "screen-1920x1080" | "screen-1280x720" | "led-768x384" | "led-960x320" | "speaker-speech"} */
    private void setProfile(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        String profile = JsonInput.of(ctx).requiredString("profile");
        blocking.json(ctx, () -> toJson(endpoints.setProfile(actor, id, profile)));
    }

    private void revoke(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(endpoints.revoke(actor, id)));
    }

    static JsonObject toJson(EndpointView v) {
        Endpoint e = v.endpoint();
        JsonObject o = new JsonObject().put("id", e.id()).put("name", e.name()).put("kind", e.kind().name())
                .put("areaId", e.areaId()).put("tags", new ArrayList<>(e.tags())).put("status", e.status().name())
                .put("profile", v.profile())
                .put("deviceId", v.deviceId()).put("lastSeenAt", v.lastSeenAt());
        if (v.lastHeartbeatJson() != null) {
            o.put("heartbeat", new JsonObject(v.lastHeartbeatJson()));
        }
        return o;
    }
}
