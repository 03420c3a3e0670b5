package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Removing things for good, and the edits that are not part of another aggregate's save. */
public final class LifecycleRepository {

    /** The name of a campaign that still uses the asset, or of an alert (prefixed), if any. */
    public Optional<String> assetUser(Connection c, long assetId) throws SQLException {
        Optional<String> campaign = Sql.one(c, "SELECT c.name FROM campaign c JOIN campaign_item i ON i.campaign_id = c.id"
                + " WHERE i.asset_id = ? FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1), assetId);
        if (campaign.isPresent()) {
            return campaign;
        }
        return Sql.one(c, "SELECT title FROM alert WHERE audio_asset_id = ? OR visual_asset_id = ?"
                + " FETCH FIRST 1 ROWS ONLY", rs -> "⚠ " + rs.getString(1), assetId, assetId);
    }

    public void deleteAsset(Connection c, long id) throws SQLException {
        Sql.update(c, "DELETE FROM rendition WHERE asset_id = ?", id);
        Sql.update(c, "DELETE FROM media_job WHERE asset_id = ?", id);
        Sql.update(c, "DELETE FROM asset WHERE id = ?", id);
    }

    public void deleteCampaign(Connection c, long id) throws SQLException {
        CampaignRepository.deleteParts(c, id);
        Sql.update(c, "DELETE FROM campaign WHERE id = ?", id);
    }

    public void deleteEndpoint(Connection c, long id) throws SQLException {
        Sql.update(c, "DELETE FROM endpoint_tag WHERE endpoint_id = ?", id);
        Sql.update(c, "DELETE FROM enrollment_code WHERE endpoint_id = ?", id);
        Sql.update(c, "DELETE FROM endpoint WHERE id = ?", id);
    }

    public void deleteArea(Connection c, long id) throws SQLException {
        Sql.update(c, "DELETE FROM area_policy WHERE area_id = ?", id);
        Sql.update(c, "DELETE FROM area WHERE id = ?", id);
    }

    public void renameEndpoint(Connection c, long id, String name, List<String> tags) throws SQLException {
        Sql.update(c, "UPDATE endpoint SET name = ? WHERE id = ?", name, id);
        Sql.update(c, "DELETE FROM endpoint_tag WHERE endpoint_id = ?", id);
        for (String tag : tags) {
            Sql.update(c, "INSERT INTO endpoint_tag (endpoint_id, tag) VALUES (?, ?)", id, tag);
        }
    }
}
