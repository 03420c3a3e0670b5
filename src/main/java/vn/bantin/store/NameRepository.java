package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The names people know things by, looked up from the keys the devices report (hashes, ids). */
public final class NameRepository {

    private static final String ASSET_BY_SHA = "SELECT name FROM asset WHERE sha256 = ?"
            + " UNION SELECT a.name FROM rendition r JOIN asset a ON a.id = r.asset_id WHERE r.sha256 = ?";
    private static final String CAMPAIGN = "SELECT name FROM campaign WHERE id = ?";
    private static final String ASSET_AREA = "SELECT area_id FROM asset WHERE id = ?";
    private static final String LIVE_SPEAKER = "SELECT COALESCE(u.display_name, s.started_by) FROM live_session s"
            + " LEFT JOIN app_user u ON u.username = s.started_by WHERE s.id = ?";
    private static final String ENDPOINT = "SELECT name, area_id FROM endpoint WHERE id = ?";

    public record EndpointRef(long id, String name, Long areaId) {
    }

    /** The asset whose upload or rendition has these bytes. */
    public Optional<String> assetBySha(Connection c, String sha256) throws SQLException {
        return sha256 == null ? Optional.empty() : Sql.one(c, ASSET_BY_SHA, rs -> rs.getString(1), sha256, sha256);
    }

    /** The area that owns an asset (null: none, or no such asset). */
    public Long assetArea(Connection c, long assetId) throws SQLException {
        return Sql.one(c, ASSET_AREA, rs -> Sql.nullableLong(rs, "area_id"), assetId).orElse(null);
    }

    public Optional<String> campaign(Connection c, long id) throws SQLException {
        return Sql.one(c, CAMPAIGN, rs -> rs.getString(1), id);
    }

    /** Who opened a live session, by display name (the login when no such user is left). */
    public Optional<String> liveSpeaker(Connection c, long sessionId) throws SQLException {
        return Sql.one(c, LIVE_SPEAKER, rs -> rs.getString(1), sessionId);
    }

    public Optional<EndpointRef> endpoint(Connection c, long id) throws SQLException {
        return Sql.one(c, ENDPOINT, rs -> new EndpointRef(id, rs.getString("name"), Sql.nullableLong(rs, "area_id")),
                id);
    }
}
