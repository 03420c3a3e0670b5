package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.EndpointLocations;
import vn.bantin.config.MapConfig;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.EndpointSiteRepository.Location;

/**
 * The endpoints map: GET /api/v1/settings/map (where tiles come from, if anywhere) and
 * PUT /api/v1/endpoints/{id}/location {"latitude", "longitude"} (both null: off the map).
 */
public final class MapRoutes {

    private final MapConfig map;
    private final EndpointLocations locations;
    private final Blocking blocking;

    public MapRoutes(MapConfig map, EndpointLocations locations, Blocking blocking) {
        this.map = map;
        this.locations = locations;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/settings/map", Permission.READ, ctx -> ctx.json(new JsonObject().put("tileUrl", map.tileUrl())
                .put("attribution", map.attribution()).put("maxZoom", map.maxZoom())));
        api.put("/api/v1/endpoints/:id/location", Permission.ENDPOINT_WRITE, this::place);
    }

    private void place(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        JsonInput in = JsonInput.of(ctx);
        Double latitude = in.optionalDouble("latitude");
        Double longitude = in.optionalDouble("longitude");
        blocking.json(ctx, () -> {
            Location at = locations.place(actor, id, latitude, longitude);
            return new JsonObject().put("endpointId", id).put("location", at == null ? null
                    : new JsonObject().put("latitude", at.latitude()).put("longitude", at.longitude()));
        });
    }
}
