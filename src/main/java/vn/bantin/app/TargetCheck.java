package vn.bantin.app;

import vn.bantin.access.Scope;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.Targets;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.EndpointRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Checks the targets a campaign or an alert names: every area and endpoint exists and lies in the actor's
 * scope (one outside it is as unknown as one that does not exist), and there is at least one. The targets
 * then reach only inside the owner area, tags included.
 */
final class TargetCheck {

    private final AreaRepository areas;
    private final EndpointRepository endpoints;

    TargetCheck(AreaRepository areas, EndpointRepository endpoints) {
        this.areas = areas;
        this.endpoints = endpoints;
    }

    /** {@code whatVi} names the thing targeting in Vietnamese, e.g. "Chiến dịch". */
    Targets existing(Connection c, String whatVi, Scope scope, Long ownerAreaId, List<Long> areaIds,
                     List<String> tags, List<Long> endpointIds) throws SQLException {
        for (long areaId : areaIds) {
            if (areas.byId(c, areaId).isEmpty() || !scope.contains(areaId)) {
                throw ApiException.badRequest("unknown_area", "Không có khu vực " + areaId + " / unknown area "
                        + areaId);
            }
        }
        for (long endpointId : endpointIds) {
            Optional<Endpoint> endpoint = endpoints.byId(c, endpointId);
            if (endpoint.isEmpty() || !scope.contains(endpoint.get().areaId())) {
                throw ApiException.badRequest("unknown_endpoint", "Không có thiết bị " + endpointId
                        + " / unknown endpoint " + endpointId);
            }
        }
        if (areaIds.isEmpty() && tags.isEmpty() && endpointIds.isEmpty()) {
            throw ApiException.badRequest("no_targets", whatVi + " cần đối tượng phát (khu vực, nhãn hoặc thiết bị)"
                    + " / targets must name areas, tags or endpoints");
        }
        return new Targets(new LinkedHashSet<>(areaIds), new LinkedHashSet<>(tags), new LinkedHashSet<>(endpointIds),
                ownerAreaId);
    }
}
