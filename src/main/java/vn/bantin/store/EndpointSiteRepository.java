package vn.bantin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Where endpoints stand (latitude and longitude, WGS 84) and what a device said of itself when it enrolled. */
public final class EndpointSiteRepository {

    public record Location(double latitude, double longitude) {
    }

    /** @param location null until someone places the endpoint; @param hardware the facts sent at enrollment, as JSON */
    public record Site(Location location, long createdAt, String hardware) {
    }

    private static final String ALL = "SELECT id, latitude, longitude, created_at, hardware FROM endpoint";
    private static final String SET = "UPDATE endpoint SET latitude = ?, longitude = ? WHERE id = ?";

    public Map<Long, Site> all(Connection c) throws SQLException {
        Map<Long, Site> out = new HashMap<>();
        Sql.list(c, ALL, rs -> out.put(rs.getLong("id"), site(rs)));
        return out;
    }

    /** Places the endpoint; null for both takes it off the map. */
    public void setLocation(Connection c, long endpointId, Location location) throws SQLException {
        Sql.update(c, SET, location == null ? null : location.latitude(), location == null ? null : location.longitude(),
                endpointId);
    }

    private static Site site(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("latitude");
        boolean placed = !rs.wasNull();
        double lng = rs.getDouble("longitude");
        placed &= !rs.wasNull();
        return new Site(placed ? new Location(lat, lng) : null, rs.getLong("created_at"), rs.getString("hardware"));
    }
}
