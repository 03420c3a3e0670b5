package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.domain.EndpointKind;
import vn.bantin.evidence.report.ReportFacts.AreaFact;
import vn.bantin.evidence.report.ReportFacts.CampaignFact;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;
import vn.bantin.evidence.report.LiveRow;
import vn.bantin.evidence.report.Recording;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.store.Sql;

/**
 * What reports name and count besides the rollups: areas with populations, endpoints with households, campaigns
 * and the live sessions that went on air (each a row of its own, {@link RollupKey#liveSession}, with its recording).
 */
public final class ReportFactsRepository {

    private static final String AREAS = "SELECT id, parent_id, name, population FROM area ORDER BY id";
    private static final String ENDPOINTS = "SELECT id, name, kind, area_id, households, device_id FROM endpoint"
            + " ORDER BY id";
    private static final String CAMPAIGNS = "SELECT id, name, topic FROM campaign ORDER BY id";
    private static final String LIVE_SESSIONS = "SELECT s.id, s.title,"
            + " COALESCE(u.display_name, s.started_by) AS speaker, a.id AS recording_id, a.name AS recording_name FROM live_session s"
            + " LEFT JOIN app_user u ON u.username = s.started_by LEFT JOIN asset a ON a.id = s.recording_asset_id"
            + " WHERE s.epoch_ms IS NOT NULL ORDER BY s.id";
    private static final String AREA_OF_ENDPOINT = "SELECT area_id FROM endpoint WHERE id = ?";
    private static final String SET_POPULATION = "UPDATE area SET population = ? WHERE id = ?";
    private static final String SET_HOUSEHOLDS = "UPDATE endpoint SET households = ? WHERE id = ?";

    public List<AreaFact> areas(Connection c) throws SQLException {
        return Sql.list(c, AREAS, rs -> new AreaFact(rs.getLong("id"), Sql.nullableLong(rs, "parent_id"),
                rs.getString("name"), Sql.nullableLong(rs, "population")));
    }

    public List<EndpointFact> endpoints(Connection c) throws SQLException {
        return Sql.list(c, ENDPOINTS, rs -> new EndpointFact(rs.getLong("id"), rs.getString("name"),
                EndpointKind.valueOf(rs.getString("kind")), Sql.nullableLong(rs, "area_id"),
                Sql.nullableLong(rs, "households"), rs.getString("device_id") != null));
    }

    public Map<Long, CampaignFact> campaigns(Connection c) throws SQLException {
        Map<Long, CampaignFact> out = new LinkedHashMap<>();
        for (CampaignFact f : Sql.list(c, CAMPAIGNS, rs -> new CampaignFact(rs.getLong("id"), rs.getString("name"),
                rs.getString("topic")))) {
            out.put(f.id(), f);
        }
        for (CampaignFact f : Sql.list(c, LIVE_SESSIONS, rs -> new CampaignFact(
                RollupKey.liveSession(rs.getLong("id")), LiveRow.name(rs.getString("title"),
                rs.getString("speaker")), LiveRow.TOPIC, recording(rs)))) {
            out.put(f.id(), f);
        }
        return out;
    }

    /** The session's recording, when it was kept (and its asset not deleted since). */
    private static Recording recording(java.sql.ResultSet rs) throws SQLException {
        Long id = Sql.nullableLong(rs, "recording_id");
        return id == null ? null : new Recording(id, rs.getString("recording_name"));
    }

    /** Empty when the endpoint does not exist; inside, the area it belongs to (empty too when it has none). */
    public java.util.Optional<java.util.Optional<Long>> areaOfEndpoint(Connection c, long endpointId)
            throws SQLException {
        return Sql.one(c, AREA_OF_ENDPOINT, rs -> java.util.Optional.ofNullable(Sql.nullableLong(rs, "area_id")),
                endpointId);
    }

    public boolean setPopulation(Connection c, long areaId, Long population) throws SQLException {
        return Sql.update(c, SET_POPULATION, population, areaId) == 1;
    }

    public boolean setHouseholds(Connection c, long endpointId, Long households) throws SQLException {
        return Sql.update(c, SET_HOUSEHOLDS, households, endpointId) == 1;
    }
}
