package vn.bantin.app;

import vn.bantin.domain.Targets;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.EndpointRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;

/** Checks the targets a campaign or an alert names: every area and endpoint exists, and there is at least one. */
final class TargetCheck {

    private final AreaRepository areas;
    private final EndpointRepository endpoints;

    TargetCheck(AreaRepository areas, EndpointRepository endpoints) {
        this.areas = areas;
        this.endpoints = endpoints;
    }

    /** {@code whatVi} names the thing targeting in Vietnamese, e.g. "Chiến dịch". */
    Targets existing(Connection c, String whatVi, List<Long> areaIds, List<String> tags, List<Long> endpointIds)
            throws SQLException {
        for (long areaId : areaIds) {
            areas.byId(c, areaId).orElseThrow(() -> ApiException.badRequest("unknown_area", "Không có khu vực "
                    + areaId + " / unknown area " + areaId));
        }
        for (long endpointId : endpointIds) {
            endpoints.byId(c, endpointId).orElseThrow(() -> ApiException.badRequest("unknown_endpoint",
                    "Không có thiết bị " + endpointId + " / unknown endpoint " + endpointId));
        }
        if (areaIds.isEmpty() && tags.isEmpty() && endpointIds.isEmpty()) {
            throw ApiException.badRequest("no_targets", whatVi + " cần đối tượng phát (khu vực, nhãn hoặc thiết bị)"
                    + " / targets must name areas, tags or endpoints");
        }
        return new Targets(new LinkedHashSet<>(areaIds), new LinkedHashSet<>(tags), new LinkedHashSet<>(endpointIds));
    }
}
