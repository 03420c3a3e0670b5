package vn.bantin.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.CampaignDraft;
import vn.bantin.app.CampaignService;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.ListPage;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.ApprovalRepository.Kind;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;

import java.util.ArrayList;

public final class CampaignRoutes {

    private final CampaignService campaigns;
    private final Blocking blocking;

    private final ApprovalRoutes approvals;

    public CampaignRoutes(CampaignService campaigns, Blocking blocking, ApprovalRoutes approvals) {
        this.approvals = approvals;
        this.campaigns = campaigns;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/campaigns", Permission.READ, this::list);
        api.post("/api/v1/campaigns", Permission.CONTENT_WRITE, this::create);
        api.get("/api/v1/campaigns/:id", Permission.READ, this::get);
        api.put("/api/v1/campaigns/:id", Permission.CONTENT_WRITE, this::update);
        api.delete("/api/v1/campaigns/:id/slots/:slotId", Permission.CONTENT_WRITE, this::deleteSlot);
        approvals.mount(api, "/api/v1/campaigns", Kind.CAMPAIGN, (actor, id) -> toJson(campaigns.get(actor, id)));
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> campaigns.all(actor).stream().map(c -> approvals.withApproval(actor, Kind.CAMPAIGN,
                c.id(), toJson(c))).toList(), ListPage::ok);
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> approvals.withApproval(actor, Kind.CAMPAIGN, id, toJson(campaigns.get(actor, id))));
    }

    /** The whole campaign again, as for create; an approved campaign goes back to DRAFT. */
    private void update(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        CampaignDraft draft = draft(JsonInput.of(ctx));
        blocking.json(ctx, () -> approvals.withApproval(actor, Kind.CAMPAIGN, id,
                toJson(campaigns.update(actor, id, draft))));
    }

    /** One slot off; the campaign answered as it is now (back in DRAFT if it was submitted or approved). */
    private void deleteSlot(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        long slotId = PathParams.id(ctx, "slotId");
        blocking.json(ctx, () -> approvals.withApproval(actor, Kind.CAMPAIGN, id,
                toJson(campaigns.deleteSlot(actor, id, slotId))));
    }

    private void create(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        CampaignDraft draft = draft(JsonInput.of(ctx));
        blocking.respond(ctx, () -> campaigns.create(actor, draft), (c, campaign) -> Responses.created(c, toJson(campaign)));
    }


    private static CampaignDraft draft(JsonInput in) {
        JsonInput targets = in.object("targets");
        if (targets == null) {
            targets = JsonInput.wrap(null);
        }
        return new CampaignDraft(in.requiredString("name"), in.optionalString("class"), in.optionalLong("rank"),
                in.requiredString("startDate"), in.requiredString("endDate"), in.optionalLong("volume"),
                in.optionalString("topic"),
                in.objects("playlist").stream().map(i -> new CampaignDraft.Item(i.requiredLong("assetId"),
                        i.optionalLong("durationSeconds"))).toList(),
                in.objects("slots").stream().map(s -> new CampaignDraft.SlotDraft(s.requiredString("mode"),
                        s.optionalString("cron"), s.stringList("at"), s.optionalLong("windowMinutes"),
                        s.optionalLong("allowedDelayMinutes"), s.stringList("exclude"), s.optionalLong("sourceId")))
                        .toList(),
                targets.longList("areas"), targets.stringList("tags"), targets.longList("endpoints"));
    }

    static JsonObject toJson(Campaign c) {
        JsonArray playlist = new JsonArray();
        for (PlaylistItem i : c.playlist()) {
            playlist.add(new JsonObject().put("assetId", i.asset().id()).put("name", i.asset().name())
                    .put("kind", i.asset().kind().name()).put("durationMs", i.durationMs()));
        }
        JsonArray slots = new JsonArray();
        for (Slot s : c.slots()) {
            slots.add(new JsonObject().put("id", s.id()).put("mode", s.mode().name()).put("cron", s.cron())
                    .put("at", new JsonArray(s.oneOffs().stream().map(Object::toString).toList()))
                    .put("windowMinutes", s.window() == null ? null : s.window().toMinutes())
                    .put("allowedDelayMinutes", s.allowedDelay().toMinutes())
                    .put("exclude", new JsonArray(s.excludedDates().stream().map(Object::toString).toList()))
                    .put("sourceId", s.source() == null ? null : s.source().id())
                    .put("source", s.source() == null ? null : new JsonObject().put("id", s.source().id())
                            .put("name", s.source().name()).put("url", s.source().url())));
        }
        return new JsonObject().put("id", c.id()).put("areaId", c.targets().withinAreaId()).put("name", c.name())
                .put("class", c.broadcastClass().name())
                .put("rank", c.rank()).put("startDate", c.startDate().toString())
                .put("endDate", c.endDate().toString()).put("approved", c.approved()).put("volume", c.volume())
                .put("topic", c.topic()).put("playlist", playlist).put("slots", slots)
                .put("targets", new JsonObject().put("areas", new ArrayList<>(c.targets().areaIds()))
                        .put("tags", new ArrayList<>(c.targets().tags()))
                        .put("endpoints", new ArrayList<>(c.targets().endpointIds())));
    }
}
