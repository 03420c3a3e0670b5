package vn.bantin.http.api;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.EndpointService;
import vn.bantin.app.Lifecycle;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

import java.util.function.BiConsumer;

/**
 * Edit and delete: {@code DELETE /api/v1/areas/{id}}, {@code PUT|DELETE /api/v1/endpoints/{id}},
 * {@code DELETE /api/v1/assets/{id}}, {@code DELETE /api/v1/campaigns/{id}} (areas and campaigns are edited
 * with PUT on AreaRoutes and CampaignRoutes; assets and campaigns are archived on ApprovalRoutes). Deletions
 * answer 204.
 */
public final class LifecycleRoutes {

    private final Lifecycle lifecycle;
    private final EndpointService endpoints;
    private final Blocking blocking;

    public LifecycleRoutes(Lifecycle lifecycle, EndpointService endpoints, Blocking blocking) {
        this.lifecycle = lifecycle;
        this.endpoints = endpoints;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.delete("/api/v1/areas/:id", Permission.AREA_WRITE, ctx -> delete(ctx, lifecycle::deleteArea));
        api.put("/api/v1/endpoints/:id", Permission.ENDPOINT_WRITE, this::updateEndpoint);
        api.delete("/api/v1/endpoints/:id", Permission.ENDPOINT_WRITE, ctx -> delete(ctx, lifecycle::deleteEndpoint));
        api.delete("/api/v1/assets/:id", Permission.CONTENT_WRITE, ctx -> delete(ctx, lifecycle::deleteAsset));
        api.delete("/api/v1/campaigns/:id", Permission.CONTENT_WRITE, ctx -> delete(ctx, lifecycle::deleteCampaign));
    }

    /** {"name", "tags"}: area and profile have their own operations. */
    private void updateEndpoint(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        JsonInput in = JsonInput.of(ctx);
        String name = in.optionalString("name");
        var tags = in.stringList("tags");
        blocking.json(ctx, () -> {
            lifecycle.updateEndpoint(actor, id, name, tags);
            return EndpointRoutes.toJson(endpoints.get(actor, id));
        });
    }

    private void delete(RoutingContext ctx, BiConsumer<Actor, Long> deletion) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.noContent(ctx, () -> deletion.accept(actor, id));
    }
}
