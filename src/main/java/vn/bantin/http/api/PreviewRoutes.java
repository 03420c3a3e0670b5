package vn.bantin.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.ApiException;
import vn.bantin.app.PlanPreviewService;
import vn.bantin.app.PlanPreviewService.EndpointPlan;
import vn.bantin.app.PlanPreviewService.Preview;
import vn.bantin.domain.Asset;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.schedule.Conflict;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** GET /api/v1/preview?endpointId=..|areaId=..&date=YYYY-MM-DD&days=1..7[&includeUnapproved=true] */
public final class PreviewRoutes {

    private final PlanPreviewService previews;
    private final Blocking blocking;

    public PreviewRoutes(PlanPreviewService previews, Blocking blocking) {
        this.previews = previews;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/preview", Permission.READ, this::preview);
    }

    private void preview(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        var q = ctx.queryParams();
        Long endpointId = id(q.get("endpointId"), "endpointId");
        Long areaId = id(q.get("areaId"), "areaId");
        boolean unapproved = "true".equalsIgnoreCase(q.get("includeUnapproved"));
        blocking.json(ctx, () -> toJson(previews.preview(actor, endpointId, areaId, q.get("date"), q.get("days"),
                unapproved)));
    }

    private static Long id(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_id", name + " phải là số / " + name + " must be a number");
        }
    }

    private static JsonObject toJson(Preview p) {
        JsonArray plans = new JsonArray();
        for (EndpointPlan plan : p.plans()) {
            plans.add(toJson(plan, p));
        }
        return new JsonObject().put("date", p.date().toString()).put("days", p.days())
                .put("includeUnapproved", p.includeUnapproved()).put("endpoints", plans);
    }

    private static JsonObject toJson(EndpointPlan plan, Preview p) {
        ZoneId zone = plan.zone();
        JsonArray entries = new JsonArray();
        for (TimelineEntry e : plan.timeline().entries()) {
            JsonArray items = new JsonArray();
            for (TimelineItem item : e.items()) {
                Asset asset = p.assets().get(item.sha256());
                items.add(new JsonObject().put("sha256", item.sha256()).put("name", asset == null ? null : asset.name())
                        .put("kind", item.kind().name()).put("durationMs", item.durationMs()));
            }
            entries.add(new JsonObject().put("id", e.id()).put("start", local(e.startMs(), zone))
                    .put("end", local(e.endMs(), zone)).put("startMs", e.startMs()).put("endMs", e.endMs())
                    .put("mode", e.mode().name()).put("class", e.broadcastClass().name())
                    .put("campaignId", e.campaignId()).put("campaign", e.campaignName())
                    .put("anchor", local(e.anchorMs(), zone)).put("anchorMs", e.anchorMs()).put("items", items));
        }
        JsonArray conflicts = new JsonArray();
        for (Conflict c : plan.conflicts()) {
            Campaign campaign = p.campaigns().get(c.campaignId());
            conflicts.add(new JsonObject().put("kind", c.kind().name()).put("campaignId", c.campaignId())
                    .put("campaign", campaign == null ? null : campaign.name()).put("slotId", c.slotId())
                    .put("occurrenceStart", local(c.occurrenceStartMs(), zone))
                    .put("occurrenceStartMs", c.occurrenceStartMs()).put("reason", c.reason()));
        }
        return new JsonObject().put("endpointId", plan.endpoint().id()).put("name", plan.endpoint().name())
                .put("kind", plan.endpoint().kind().name()).put("areaId", plan.endpoint().areaId())
                .put("zone", zone.getId())
                .put("from", local(plan.timeline().fromMs(), zone)).put("to", local(plan.timeline().toMs(), zone))
                .put("entries", entries).put("conflicts", conflicts);
    }

    private static String local(long ms, ZoneId zone) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), zone).toString();
    }
}
