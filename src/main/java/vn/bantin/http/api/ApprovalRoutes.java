package vn.bantin.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.ApprovalService;
import vn.bantin.app.Approvals;
import vn.bantin.domain.ApprovalStep;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.ApprovalRepository.Kind;

import java.util.function.BiFunction;

/**
 * The approval steps of assets and campaigns alike: {@code POST <items>/{id}/submit | approve | reject
 * {"reason"} | unapprove | archive}, each answering the item with its {@code approval} (status and history).
 */
public final class ApprovalRoutes {

    private final ApprovalService approvals;
    private final Blocking blocking;

    public ApprovalRoutes(ApprovalService approvals, Blocking blocking) {
        this.approvals = approvals;
        this.blocking = blocking;
    }

    /** {@code item} renders the item as its own GET does. */
    public void mount(ApiRouter api, String items, Kind kind, BiFunction<Actor, Long, JsonObject> item) {
        api.post(items + "/:id/submit", Permission.CONTENT_WRITE, ctx -> step(ctx, kind, item,
                (actor, id) -> approvals.submit(actor, kind, id)));
        api.post(items + "/:id/approve", Permission.CONTENT_APPROVE, ctx -> step(ctx, kind, item,
                (actor, id) -> approvals.approve(actor, kind, id)));
        api.post(items + "/:id/archive", Permission.CONTENT_WRITE, ctx -> step(ctx, kind, item,
                (actor, id) -> approvals.archive(actor, kind, id)));
        api.post(items + "/:id/unapprove", Permission.CONTENT_APPROVE, ctx -> step(ctx, kind, item,
                (actor, id) -> approvals.withdraw(actor, kind, id)));
        api.post(items + "/:id/reject", Permission.CONTENT_APPROVE, ctx -> {
            String reason = JsonInput.of(ctx).optionalString("reason");
            step(ctx, kind, item, (actor, id) -> approvals.reject(actor, kind, id, reason));
        });
    }

    /** The item's JSON with its approval added, for the items' own GET handlers. */
    public JsonObject withApproval(Actor actor, Kind kind, long id, JsonObject json) {
        return json.put("approval", toJson(approvals.state(actor, kind, id)));
    }

    private void step(RoutingContext ctx, Kind kind, BiFunction<Actor, Long, JsonObject> item,
                      BiFunction<Actor, Long, Approvals.State> action) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> {
            Approvals.State state = action.apply(actor, id);
            return item.apply(actor, id).put("approval", toJson(state));
        });
    }

    static JsonObject toJson(Approvals.State state) {
        JsonArray history = new JsonArray();
        for (ApprovalStep s : state.history()) {
            history.add(new JsonObject().put("step", s.step()).put("status", s.statusAfter().name())
                    .put("by", s.actorName()).put("byName", s.actorDisplayName()).put("at", s.atMs())
                    .put("reason", s.reason()));
        }
        return new JsonObject().put("status", state.status().name()).put("history", history);
    }
}
