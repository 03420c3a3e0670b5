package vn.bantin.store;

import vn.bantin.domain.Asset;
import vn.bantin.domain.LiveSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of live sources (upper-level stations) with their fallback asset. */
public final class LiveSourceRepository {

    private static final String INSERT = "INSERT INTO live_source (name, url, description, area_id, fallback_asset_id,"
            + " archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)";
    private static final String UPDATE = "UPDATE live_source SET name = ?, url = ?, description = ?,"
            + " fallback_asset_id = ?, updated_at = ? WHERE id = ?";
    private static final String ARCHIVE = "UPDATE live_source SET archived = ?, updated_at = ? WHERE id = ?";
    private static final String ALL = "SELECT * FROM live_source ORDER BY id";
    private static final String IN_USE = "SELECT DISTINCT c.id, c.name FROM campaign c"
            + " JOIN campaign_slot s ON s.campaign_id = c.id WHERE s.source_id = ? AND c.end_date >= ? ORDER BY c.id";

    private final AssetRepository assets;

    public LiveSourceRepository(AssetRepository assets) {
        this.assets = assets;
    }

    public long insert(Connection c, LiveSource s, long nowMs) throws SQLException {
        return Sql.insert(c, INSERT, s.name(), s.url(), s.description(), s.areaId(), fallbackId(s), nowMs, nowMs);
    }

    public void update(Connection c, long id, LiveSource s, long nowMs) throws SQLException {
        Sql.update(c, UPDATE, s.name(), s.url(), s.description(), fallbackId(s), nowMs, id);
    }

    public void archived(Connection c, long id, boolean archived, long nowMs) throws SQLException {
        Sql.update(c, ARCHIVE, archived, nowMs, id);
    }

    public Optional<LiveSource> byId(Connection c, long id) throws SQLException {
        return Optional.ofNullable(byId(c).get(id));
    }

    public List<LiveSource> all(Connection c) throws SQLException {
        return List.copyOf(byId(c).values());
    }

    /** Every source by id, fallbacks resolved: campaigns read them all at once. */
    public Map<Long, LiveSource> byId(Connection c) throws SQLException {
        Map<Long, Asset> assetById = assets.all(c).stream()
                .collect(Collectors.toMap(s -> s.asset().id(), StoredAsset::asset));
        return Sql.list(c, ALL, rs -> {
            Long fallback = Sql.nullableLong(rs, "fallback_asset_id");
            return new LiveSource(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
                    rs.getString("description"), Sql.nullableLong(rs, "area_id"),
                    fallback == null ? null : assetById.get(fallback), rs.getBoolean("archived"),
                    rs.getLong("created_at"), rs.getLong("updated_at"));
        }).stream().collect(Collectors.toMap(LiveSource::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** Names of the campaigns whose end date is not before {@code today} and that relay the source. */
    public List<String> campaignsRelaying(Connection c, long id, java.time.LocalDate today) throws SQLException {
        return Sql.list(c, IN_USE, rs -> "«" + rs.getString("name") + "» (#" + rs.getLong("id") + ")", id, today);
    }

    /** Ids of every campaign with a slot relaying the source. */
    public List<Long> campaignIds(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT campaign_id FROM campaign_slot WHERE source_id = ? ORDER BY campaign_id",
                rs -> rs.getLong(1), id);
    }

    private static Long fallbackId(LiveSource s) {
        return s.fallback() == null ? null : s.fallback().id();
    }
}
