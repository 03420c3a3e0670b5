package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.ApiException;
import vn.bantin.app.PlayQueryService;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.ListPage;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.StoredPlay;

public final class PlayRoutes {

    private final PlayQueryService plays;
    private final Blocking blocking;

    public PlayRoutes(PlayQueryService plays, Blocking blocking) {
        this.plays = plays;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/plays", Permission.READ, this::recent);
    }

    private void recent(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        String raw = ctx.queryParams().get("limit");
        int limit;
        try {
            limit = raw == null ? 50 : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_limit", "limit phải là số / limit must be a number");
        }
        int bounded = Math.max(1, Math.min(limit, ListPage.MAX_LIMIT));
        blocking.respond(ctx, () -> plays.recent(actor, bounded).stream().map(PlayRoutes::toJson).toList(),
                ListPage::ok);
    }

    static JsonObject toJson(StoredPlay p) {
        return new JsonObject().put("deviceId", p.deviceId()).put("seq", p.seq()).put("endpointId", p.endpointId())
                .put("entryId", p.entryId()).put("campaignId", p.campaignId()).put("class", p.broadcastClass())
                .put("mode", p.mode()).put("sha256", p.sha256()).put("scheduledStart", p.scheduledStart())
                .put("actualStart", p.actualStart()).put("actualEnd", p.actualEnd()).put("outcome", p.outcome())
                .put("reason", p.reason()).put("chainBroken", p.chainBroken()).put("receivedAt", p.receivedAt())
                .put("hash", p.hash()).put("payload", p.payload()).put("sig", p.sig())
                .put("names", NamesJson.of(p.names()));
    }
}
