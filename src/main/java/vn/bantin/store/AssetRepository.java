package vn.bantin.store;

import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class AssetRepository {

    private static final String INSERT = "INSERT INTO asset (sha256, name, kind, size_bytes, duration_ms,"
            + " format_name, video_codec, audio_codec, width, height, approved, expires_at, created_at, area_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ALL = "SELECT * FROM asset ORDER BY id";
    private static final String BY_ID = "SELECT * FROM asset WHERE id = ?";
    private static final String BY_SHA = "SELECT * FROM asset WHERE sha256 = ?";
    private static final String BY_SHA_AND_AREA =
            "SELECT * FROM asset WHERE sha256 = ? AND area_id IS NOT DISTINCT FROM CAST(? AS BIGINT)";

    public long insert(Connection c, StoredAsset s) throws SQLException {
        Asset a = s.asset();
        return Sql.insert(c, INSERT, a.sha256(), a.name(), a.kind().name(), a.sizeBytes(), a.durationMs(),
                s.formatName(), s.videoCodec(), s.audioCodec(), s.width(), s.height(), a.approved(),
                a.expiresAt() == null ? null : a.expiresAt().toEpochMilli(), s.createdAt(), s.areaId());
    }

    public List<StoredAsset> all(Connection c) throws SQLException {
        return Sql.list(c, ALL, AssetRepository::map);
    }

    public Optional<StoredAsset> byId(Connection c, long id) throws SQLException {
        return Sql.one(c, BY_ID, AssetRepository::map, id);
    }

    /** Any asset with these bytes, whoever owns it. */
    public Optional<StoredAsset> bySha(Connection c, String sha256) throws SQLException {
        return Sql.one(c, BY_SHA, AssetRepository::map, sha256);
    }

    /** The asset with these bytes that this area owns: an upload's duplicate is only ever the owner's own. */
    public Optional<StoredAsset> bySha(Connection c, String sha256, Long areaId) throws SQLException {
        return Sql.one(c, BY_SHA_AND_AREA, AssetRepository::map, sha256, areaId);
    }


    private static StoredAsset map(ResultSet rs) throws SQLException {
        Long expires = Sql.nullableLong(rs, "expires_at");
        Asset asset = new Asset(rs.getLong("id"), rs.getString("sha256"), rs.getString("name"),
                AssetKind.valueOf(rs.getString("kind")), rs.getLong("size_bytes"), rs.getLong("duration_ms"),
                rs.getBoolean("approved"), expires == null ? null : Instant.ofEpochMilli(expires));
        Long width = Sql.nullableLong(rs, "width");
        Long height = Sql.nullableLong(rs, "height");
        return new StoredAsset(asset, rs.getString("format_name"), rs.getString("video_codec"),
                rs.getString("audio_codec"), width == null ? null : width.intValue(),
                height == null ? null : height.intValue(), rs.getLong("created_at"), Sql.nullableLong(rs, "area_id"));
    }
}
