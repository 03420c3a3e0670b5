package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.domain.Endpoint;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EndpointSiteRepository;
import vn.bantin.store.EndpointSiteRepository.Location;

/** Placing an endpoint on the map, by someone who may manage endpoints in its area. */
public final class EndpointLocations {

    private final Database db;
    private final EndpointRepository endpoints;
    private final AreaScope scope;
    private final EndpointSiteRepository sites;

    public EndpointLocations(Database db, EndpointRepository endpoints, AreaScope scope, EndpointSiteRepository sites) {
        this.db = db;
        this.endpoints = endpoints;
        this.scope = scope;
        this.sites = sites;
    }

    /** Both coordinates, or neither (off the map). */
    public Location place(Actor actor, long endpointId, Double latitude, Double longitude) {
        return db.tx(c -> {
            Endpoint e = endpoints.byId(c, endpointId).orElseThrow(() -> ApiException.notFound("thiết bị/endpoint",
                    endpointId));
            AreaScope.requireVisible(scope.of(c, actor), e.areaId(), "thiết bị/endpoint", endpointId);
            Location location = location(latitude, longitude);
            sites.setLocation(c, endpointId, location);
            return location;
        });
    }

    private static Location location(Double latitude, Double longitude) {
        if (latitude == null && longitude == null) {
            return null;
        }
        if (latitude == null || longitude == null) {
            throw ApiException.badRequest("bad_location", "Cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai / give both"
                    + " latitude and longitude, or neither");
        }
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw ApiException.badRequest("bad_location", "Vĩ độ phải từ -90 đến 90, kinh độ từ -180 đến 180 / latitude"
                    + " must be -90..90 and longitude -180..180");
        }
        return new Location(latitude, longitude);
    }
}
