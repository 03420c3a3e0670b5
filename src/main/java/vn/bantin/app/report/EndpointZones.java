package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.EndpointKind;
import vn.bantin.schedule.AreaTree;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Sql;

/**
 * What rollups need to know about an endpoint and a played file, cached: the endpoint's time zone (inherited
 * through its areas, as the compiler does) and kind, and the content kind of an asset or rendition hash. Any
 * schedule change forgets the endpoints (an area may have changed its zone or an endpoint its area).
 */
final class EndpointZones {

    record Facts(ZoneId zone, EndpointKind kind) {
    }

    private record Row(Long areaId, EndpointKind kind) {
    }

    private static final String ENDPOINT = "SELECT area_id, kind FROM endpoint WHERE id = ?";
    private static final String KIND_OF_SHA = "SELECT kind FROM asset WHERE sha256 = ? UNION"
            + " SELECT a.kind FROM rendition r JOIN asset a ON a.id = r.asset_id WHERE r.sha256 = ?";

    private final AreaRepository areas;
    private final Map<Long, Facts> endpoints = new ConcurrentHashMap<>();
    private final Map<String, AssetKind> contents = new ConcurrentHashMap<>();

    EndpointZones(AreaRepository areas) {
        this.areas = areas;
    }

    Facts of(Connection c, long endpointId) throws SQLException {
        Facts known = endpoints.get(endpointId);
        if (known != null) {
            return known;
        }
        Row row = Sql.one(c, ENDPOINT, rs -> new Row(Sql.nullableLong(rs, "area_id"),
                EndpointKind.valueOf(rs.getString("kind"))), endpointId).orElse(new Row(null, EndpointKind.SPEAKER));
        Facts facts = new Facts(new AreaTree(areas.all(c)).zone(row.areaId()), row.kind());
        endpoints.put(endpointId, facts);
        return facts;
    }

    /** The kind of what was played; a file we do not know counts as its endpoint's usual kind. */
    AssetKind contentKind(Connection c, Facts endpoint, String sha256) throws SQLException {
        AssetKind known = contents.get(sha256);
        if (known != null) {
            return known;
        }
        Optional<AssetKind> found = Sql.one(c, KIND_OF_SHA, rs -> AssetKind.valueOf(rs.getString(1)), sha256, sha256);
        found.ifPresent(k -> contents.put(sha256, k));
        return found.orElse(endpoint.kind() == EndpointKind.SPEAKER ? AssetKind.AUDIO : AssetKind.VIDEO);
    }

    void forgetEndpoints() {
        endpoints.clear();
    }
}
