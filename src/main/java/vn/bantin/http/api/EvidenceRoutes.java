package vn.bantin.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Permission;
import io.vertx.core.buffer.Buffer;
import vn.bantin.app.ApiException;
import vn.bantin.app.evidence.EndpointPlan;
import vn.bantin.app.evidence.Evidence;
import vn.bantin.app.evidence.EvidenceStatus;
import vn.bantin.evidence.bundle.VerificationJson;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.http.Blocking;
import vn.bantin.http.PathParams;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.TimelineFetchRepository;

/**
 * The evidence: an endpoint's recorded plan and what became of each expected play, its evidence status, and
 * bundles of signed records anyone can verify (exporting one is recorded in the audit trail).
 */
public final class EvidenceRoutes {

    private final Evidence evidence;
    private final Blocking blocking;

    public EvidenceRoutes(Evidence evidence, Blocking blocking) {
        this.evidence = evidence;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/endpoints/:id/plan", Permission.READ, this::plan);
        api.getAudited("/api/v1/endpoints/:id/evidence", Permission.READ, this::status);
        api.getAudited("/api/v1/evidence/bundle", Permission.READ, this::bundle);
        api.get("/api/v1/evidence/verification", Permission.READ, this::verification);
    }

    private void status(RoutingContext ctx) {
        var actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> statusJson(evidence.status().of(actor, id)));
    }

    private void bundle(RoutingContext ctx) {
        var actor = Actors.of(ctx);
        var q = ctx.queryParams();
        Long endpointId = optionalId(q.get("endpointId"), "endpointId");
        Long areaId = optionalId(q.get("areaId"), "areaId");
        blocking.respond(ctx, () -> evidence.bundles().export(actor, endpointId, areaId, q.get("from"), q.get("to")),
                (c, file) -> c.response().putHeader("Content-Type", "application/zip")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                        .end(Buffer.buffer(file.zip())));
    }

    private void verification(RoutingContext ctx) {
        var actor = Actors.of(ctx);
        var q = ctx.queryParams();
        Long endpointId = optionalId(q.get("endpointId"), "endpointId");
        Long areaId = optionalId(q.get("areaId"), "areaId");
        blocking.json(ctx, () -> new JsonObject(VerificationJson.of(evidence.bundles().verify(actor, endpointId, areaId,
                q.get("from"), q.get("to")))));
    }

    private static Long optionalId(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_id", "'" + name + "' phải là số / '" + name + "' must be a number");
        }
    }

    private static JsonObject statusJson(EvidenceStatus e) {
        JsonArray devices = new JsonArray();
        for (EvidenceStatus.Device d : e.devices()) {
            JsonArray findings = new JsonArray();
            d.findings().forEach(f -> findings.add(new JsonObject().put("kind", f.kind().name()).put("seq", f.seq())
                    .put("lastSeq", f.lastSeq()).put("message", f.message()).put("explanation", f.explanation())));
            devices.add(new JsonObject().put("deviceId", d.deviceId()).put("records", d.records())
                    .put("conflicts", d.conflicts()).put("status", d.status().name()).put("findings", findings));
        }
        return new JsonObject().put("endpointId", e.endpointId()).put("deviceId", e.deviceId())
                .put("publicKey", e.publicKey()).put("status", e.status().name()).put("text", e.text())
                .put("records", e.devices().stream().mapToInt(EvidenceStatus.Device::records).sum())
                .put("conflicts", e.devices().stream().mapToLong(EvidenceStatus.Device::conflicts).sum())
                .put("devices", devices);
    }

    private void plan(RoutingContext ctx) {
        var actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        var q = ctx.queryParams();
        blocking.json(ctx, () -> toJson(evidence.endpointPlans().of(actor, id, q.get("from"), q.get("to"))));
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
        return new JsonObject().put("entryId", p.entryId()).put("mode", p.mode().name())
                .put("state", p.dropped() ? "DROPPED" : "PLANNED").put("campaignId", p.campaignId())
                .put("alertId", p.alertId()).put("class", p.broadcastClass().name()).put("start", p.startMs())
                .put("end", p.endMs()).put("kind", p.kind().name()).put("sha256", p.sha256())
                .put("names", NamesJson.of(p.names()))
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
