package vn.bantin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renditions, media jobs and the processing facts of assets. */
public final class MediaRepository {

    private static final String INSERT_RENDITION = "INSERT INTO rendition (asset_id, profile, sha256, size_bytes,"
            + " duration_ms, video_codec, audio_codec, width, height, loudness_lufs, true_peak_dbtp, created_at,"
            + " recipe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE_RENDITION = "DELETE FROM rendition WHERE asset_id = ? AND profile = ?";
    private static final String RENDITIONS_OF = "SELECT * FROM rendition WHERE asset_id = ? ORDER BY profile";
    private static final String RENDITIONS_FOR_PROFILE = "SELECT * FROM rendition WHERE profile = ?";
    private static final String ALL_RENDITIONS = "SELECT * FROM rendition ORDER BY asset_id, profile";
    private static final String RENDITION_SHA_EXISTS = "SELECT COUNT(*) AS n FROM rendition WHERE sha256 = ?";
    private static final String MEDIA_OF = "SELECT id, status, failure_reason, loudness_lufs, true_peak_dbtp,"
            + " loudness_range_lu, preview_sha256 FROM asset WHERE id = ?";
    private static final String MEDIA_ALL = "SELECT id, status, failure_reason, loudness_lufs, true_peak_dbtp,"
            + " loudness_range_lu, preview_sha256 FROM asset";
    private static final String SET_STATUS = "UPDATE asset SET status = ?, failure_reason = ? WHERE id = ?";
    private static final String SET_LOUDNESS = "UPDATE asset SET loudness_lufs = ?, true_peak_dbtp = ?,"
            + " loudness_range_lu = ? WHERE id = ?";
    private static final String SET_PREVIEW = "UPDATE asset SET preview_sha256 = ? WHERE id = ?";
    private static final String ASSETS_WITHOUT_JOBS = "SELECT a.id FROM asset a WHERE NOT EXISTS"
            + " (SELECT 1 FROM media_job j WHERE j.asset_id = a.id) ORDER BY a.id";
    private static final String INSERT_JOB = "INSERT INTO media_job (asset_id, task, state, progress, error,"
            + " created_at, updated_at) VALUES (?, ?, ?, 0, NULL, ?, ?)";
    private static final String JOB = "SELECT * FROM media_job WHERE id = ?";
    private static final String JOBS_OF = "SELECT * FROM media_job WHERE asset_id = ? ORDER BY id";
    private static final String RECENT_JOBS = "SELECT * FROM media_job ORDER BY id DESC LIMIT ?";
    private static final String UNFINISHED_JOBS = "SELECT * FROM media_job WHERE state IN ('QUEUED', 'RUNNING')"
            + " ORDER BY id";
    private static final String UPDATE_JOB = "UPDATE media_job SET state = ?, progress = ?, error = ?,"
            + " updated_at = ? WHERE id = ?";

    public void putRendition(Connection c, Rendition r) throws SQLException {
        Sql.update(c, DELETE_RENDITION, r.assetId(), r.profile());
        Sql.update(c, INSERT_RENDITION, r.assetId(), r.profile(), r.sha256(), r.sizeBytes(), r.durationMs(),
                r.videoCodec(), r.audioCodec(), r.width(), r.height(), r.loudnessLufs(), r.truePeakDbtp(),
                r.createdAt(), r.recipe());
    }

    /** Every stored rendition, by asset then profile. */
    public List<Rendition> allRenditions(Connection c) throws SQLException {
        return Sql.list(c, ALL_RENDITIONS, MediaRepository::rendition);
    }

    public List<Rendition> renditionsOf(Connection c, long assetId) throws SQLException {
        return Sql.list(c, RENDITIONS_OF, MediaRepository::rendition, assetId);
    }

    /** Finished renditions for one profile, by asset id. */
    public Map<Long, Rendition> renditionsFor(Connection c, String profile) throws SQLException {
        Map<Long, Rendition> out = new HashMap<>();
        for (Rendition r : Sql.list(c, RENDITIONS_FOR_PROFILE, MediaRepository::rendition, profile)) {
            out.put(r.assetId(), r);
        }
        return out;
    }

    public boolean isRendition(Connection c, String sha256) throws SQLException {
        return Sql.one(c, RENDITION_SHA_EXISTS, rs -> rs.getLong("n"), sha256).orElse(0L) > 0;
    }

    public Optional<AssetMedia> mediaOf(Connection c, long assetId) throws SQLException {
        return Sql.one(c, MEDIA_OF, MediaRepository::media, assetId);
    }

    public Map<Long, AssetMedia> allMedia(Connection c) throws SQLException {
        Map<Long, AssetMedia> out = new HashMap<>();
        for (AssetMedia m : Sql.list(c, MEDIA_ALL, MediaRepository::media)) {
            out.put(m.assetId(), m);
        }
        return out;
    }

    public void setStatus(Connection c, long assetId, String status, String reason) throws SQLException {
        Sql.update(c, SET_STATUS, status, reason, assetId);
    }

    public void setLoudness(Connection c, long assetId, double lufs, double truePeak, double range)
            throws SQLException {
        Sql.update(c, SET_LOUDNESS, finite(lufs), finite(truePeak), finite(range), assetId);
    }

    public void setPreview(Connection c, long assetId, String sha256) throws SQLException {
        Sql.update(c, SET_PREVIEW, sha256, assetId);
    }

    public List<Long> assetsWithoutJobs(Connection c) throws SQLException {
        return Sql.list(c, ASSETS_WITHOUT_JOBS, rs -> rs.getLong("id"));
    }

    public long insertJob(Connection c, long assetId, String task, long nowMs) throws SQLException {
        return Sql.insert(c, INSERT_JOB, assetId, task, MediaJob.QUEUED, nowMs, nowMs);
    }

    public Optional<MediaJob> job(Connection c, long id) throws SQLException {
        return Sql.one(c, JOB, MediaRepository::job, id);
    }

    public List<MediaJob> jobsOf(Connection c, long assetId) throws SQLException {
        return Sql.list(c, JOBS_OF, MediaRepository::job, assetId);
    }

    public List<MediaJob> recentJobs(Connection c, int limit) throws SQLException {
        return Sql.list(c, RECENT_JOBS, MediaRepository::job, limit);
    }

    public List<MediaJob> unfinishedJobs(Connection c) throws SQLException {
        return Sql.list(c, UNFINISHED_JOBS, MediaRepository::job);
    }

    public void updateJob(Connection c, MediaJob j) throws SQLException {
        Sql.update(c, UPDATE_JOB, j.state(), j.progress(), j.error(), j.updatedAt(), j.id());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        Long v = Sql.nullableLong(rs, column);
        return v == null ? null : v.intValue();
    }

    private static Rendition rendition(ResultSet rs) throws SQLException {
        return new Rendition(rs.getLong("asset_id"), rs.getString("profile"), rs.getString("sha256"),
                rs.getLong("size_bytes"), rs.getLong("duration_ms"), rs.getString("video_codec"),
                rs.getString("audio_codec"), nullableInt(rs, "width"), nullableInt(rs, "height"),
                nullableDouble(rs, "loudness_lufs"), nullableDouble(rs, "true_peak_dbtp"), rs.getLong("created_at"),
                rs.getString("recipe"));
    }

    private static AssetMedia media(ResultSet rs) throws SQLException {
        return new AssetMedia(rs.getLong("id"), rs.getString("status"), rs.getString("failure_reason"),
                nullableDouble(rs, "loudness_lufs"), nullableDouble(rs, "true_peak_dbtp"),
                nullableDouble(rs, "loudness_range_lu"), rs.getString("preview_sha256"));
    }

    private static MediaJob job(ResultSet rs) throws SQLException {
        return new MediaJob(rs.getLong("id"), rs.getLong("asset_id"), rs.getString("task"), rs.getString("state"),
                rs.getInt("progress"), rs.getString("error"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }
}
