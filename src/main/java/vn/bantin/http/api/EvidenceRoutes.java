package vn.bantin.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Permission;
import vn.bantin.app.evidence.EndpointPlan;
import vn.bantin.app.evidence.EndpointPlanQuery;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.http.Blocking;
import vn.bantin.http.PathParams;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.TimelineFetchRepository;

/** The evidence of one endpoint: its recorded plan, what became of each expected play, what it received. */
public final class EvidenceRoutes {

    private final EndpointPlanQuery plans;
    private final Blocking blocking;

    public EvidenceRoutes(EndpointPlanQuery plans, Blocking blocking) {
        this.plans = plans;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/endpoints/:id/plan", Permission.READ, this::plan);
    }

    private void plan(RoutingContext ctx) {
        var actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        var q = ctx.queryParams();
        blocking.json(ctx, () -> toJson(plans.of(actor, id, q.get("from"), q.get("to"))));
    }

    private static JsonObject toJson(EndpointPlan plan) {
        JsonArray items = new JsonArray();
        plan.items().forEach(i -> items.add(item(i)));
        JsonArray fetches = new JsonArray();
        plan.fetches().forEach(f -> fetches.add(fetch(f)));
        return new JsonObject().put("endpointId", plan.endpointId()).put("from", plan.fromMs()).put("to", plan.toMs())
                .put("items", items).put("fetches", fetches);
    }

    private static JsonObject item(EndpointPlan.Item i) {
        RecordedExpectation e = i.expected();
        ExpectedPlay p = e.play();
        PlayNames n = p.names();
        return new JsonObject().put("entryId", p.entryId()).put("mode", p.mode().name())
                .put("state", p.dropped() ? "DROPPED" : "PLANNED").put("campaignId", p.campaignId())
                .put("alertId", p.alertId()).put("class", p.broadcastClass().name()).put("start", p.startMs())
                .put("end", p.endMs()).put("kind", p.kind().name()).put("sha256", p.sha256())
                .put("names", new JsonObject().put("campaign", n.campaignName()).put("asset", n.assetName())
                        .put("endpoint", n.endpointName()).put("areaId", n.areaId()).put("area", n.areaName())
                        .put("topic", n.topic()))
                .put("conflictReason", p.conflictReason()).put("plannedAt", e.plannedAt())
                .put("deliveredAt", e.deliveredAt()).put("reason", e.reason() == null ? null : e.reason().name())
                .put("status", i.outcome().status().name()).put("text", i.outcome().text())
                .put("playedMs", i.outcome().playedMs()).put("plays", i.outcome().plays());
    }

    private static JsonObject fetch(TimelineFetchRepository.Fetch f) {
        return new JsonObject().put("deviceId", f.deviceId()).put("version", f.version()).put("etag", f.etag())
                .put("from", f.fromMs()).put("to", f.toMs()).put("entries", f.entries()).put("fetchedAt", f.fetchedAt());
    }
}
