package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.AreaDraft;
import vn.bantin.app.AreaPolicies;
import vn.bantin.app.AreaService;
import vn.bantin.domain.AreaPolicy;
import vn.bantin.domain.Area;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.ListPage;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;

import java.util.List;

public final class AreaRoutes {

    private final AreaService areas;
    private final Blocking blocking;

    private final AreaPolicies policies;

    public AreaRoutes(AreaService areas, Blocking blocking, AreaPolicies policies) {
        this.policies = policies;
        this.areas = areas;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/areas", Permission.READ, this::list);
        api.post("/api/v1/areas", Permission.AREA_WRITE, this::create);
        api.get("/api/v1/areas/:id", Permission.READ, this::get);
        api.put("/api/v1/areas/:id", Permission.AREA_WRITE, this::update);
        api.get("/api/v1/areas/:id/policy", Permission.READ, this::policy);
        api.put("/api/v1/areas/:id/policy", Permission.AREA_WRITE, this::setPolicy);
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> areas.all(actor).stream().map(AreaRoutes::toJson).toList(), ListPage::ok);
    }

    private void create(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        JsonInput in = JsonInput.of(ctx);
        Long parentId = in.optionalLong("parentId");
        AreaDraft draft = draft(in);
        blocking.respond(ctx, () -> areas.create(actor, parentId, draft), (c, area) -> Responses.created(c, toJson(area)));
    }

    /** The same body as create, without parentId: what is left out is cleared. */
    private void update(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        AreaDraft draft = draft(JsonInput.of(ctx));
        blocking.json(ctx, () -> toJson(areas.update(actor, id, draft)));
    }

    /** {"name", "zone"?, "quietHours"?: {"from", "to"}} */
    private static AreaDraft draft(JsonInput in) {
        JsonInput quiet = in.object("quietHours");
        return new AreaDraft(in.optionalString("name"), in.optionalString("zone"),
                quiet == null ? null : quiet.optionalString("from"), quiet == null ? null : quiet.optionalString("to"));
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(areas.get(actor, id)));
    }

    private void policy(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(policies.get(actor, id)));
    }

    /** {"selfApproval", "maxSpeakerSessionsPerDay"?, "maxSpeakerSessionMinutes"?}; the areas below inherit it. */
    private void setPolicy(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        JsonInput in = JsonInput.of(ctx);
        Long sessions = in.optionalLong("maxSpeakerSessionsPerDay");
        Long minutes = in.optionalLong("maxSpeakerSessionMinutes");
        AreaPolicy policy = new AreaPolicy(Boolean.TRUE.equals(in.raw().getValue("selfApproval")), small(sessions),
                small(minutes));
        blocking.json(ctx, () -> toJson(policies.put(actor, id, policy)));
    }

    /** Out-of-range values stay out of range (and are refused with the limit), they do not wrap around. */
    private static Integer small(Long v) {
        return v == null ? null : (int) Math.max(-1, Math.min(v, 1_000_000));
    }

    private static JsonObject toJson(AreaPolicies.InForce p) {
        return new JsonObject().put("selfApproval", p.policy().selfApproval())
                .put("maxSpeakerSessionsPerDay", p.policy().maxSpeakerSessionsPerDay())
                .put("maxSpeakerSessionMinutes", p.policy().maxSpeakerSessionMinutes())
                .put("setByAreaId", p.setByAreaId());
    }

    static JsonObject toJson(Area a) {
        JsonObject o = new JsonObject().put("id", a.id()).put("parentId", a.parentId()).put("name", a.name())
                .put("zone", a.zone() == null ? null : a.zone().getId());
        if (a.quietHours() != null) {
            o.put("quietHours", new JsonObject().put("from", a.quietHours().from().toString())
                    .put("to", a.quietHours().to().toString()));
        }
        return o;
    }

    static List<JsonObject> toJson(List<Area> list) {
        return list.stream().map(AreaRoutes::toJson).toList();
    }
}
