package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The names things have right now, read when a record names something the recorded plan does not. */
public final class PlayNameRepository {

    /** A campaign's name and topic. */
    public record CampaignName(String name, String topic) {
    }

    /** An endpoint's name and the area it is in (id, name), either may be null. */
    public record EndpointName(String name, Long areaId, String areaName) {
    }

    private static final String CAMPAIGN = "SELECT name, topic FROM campaign WHERE id = ?";
    private static final String ASSET = "SELECT name FROM asset WHERE sha256 = ?"
            + " UNION SELECT a.name FROM asset a JOIN rendition r ON r.asset_id = a.id WHERE r.sha256 = ?";
    private static final String ENDPOINT = "SELECT e.name, e.area_id, a.name AS area_name FROM endpoint e"
            + " LEFT JOIN area a ON a.id = e.area_id WHERE e.id = ?";

    public Optional<CampaignName> campaign(Connection c, long id) throws SQLException {
        return Sql.one(c, CAMPAIGN, rs -> new CampaignName(rs.getString(1), rs.getString(2)), id);
    }

    /** The asset played, by the hash of its upload or of one of its renditions. */
    public Optional<String> asset(Connection c, String sha256) throws SQLException {
        return Sql.one(c, ASSET, rs -> rs.getString(1), sha256, sha256);
    }

    public Optional<EndpointName> endpoint(Connection c, long id) throws SQLException {
        return Sql.one(c, ENDPOINT, rs -> new EndpointName(rs.getString(1), Sql.nullableLong(rs, "area_id"),
                rs.getString("area_name")), id);
    }
}
