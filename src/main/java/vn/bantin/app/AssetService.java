package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Asset;
import vn.bantin.media.AssetStore;
import vn.bantin.media.IngestResult;
import vn.bantin.media.MediaRejected;
import vn.bantin.media.ProbeResult;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.AssetMedia;
import vn.bantin.store.ApprovalRepository;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.Database;
import vn.bantin.store.MediaRepository;
import vn.bantin.store.StoredAsset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

public final class AssetService {

    /** The stored asset and whether the same bytes had been uploaded before. */
    public record Uploaded(StoredAsset asset, boolean duplicate) {
    }

    private final Database db;
    private final AssetRepository assets;
    private final AssetStore store;
    private final ChangeNotifier changes;
    private final Clock clock;
    private final long maxUploadBytes;
    private final MediaRepository media;
    private final MediaJobService jobs;
    private final AreaScope scope;
    private final Approvals approvals;

    public AssetService(Database db, AssetRepository assets, AssetStore store, ChangeNotifier changes, Clock clock,
                        long maxUploadBytes, MediaRepository media, MediaJobService jobs, AreaScope scope,
                        Approvals approvals) {
        this.scope = scope;
        this.approvals = approvals;
        this.db = db;
        this.media = media;
        this.jobs = jobs;
        this.assets = assets;
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
    }

    public List<AssetView> all(Actor actor) {
        return db.read(c -> {
            java.util.Map<Long, AssetMedia> facts = media.allMedia(c);
            List<AssetView> out = new java.util.ArrayList<>();
            Scope visible = scope.of(c, actor);
            for (StoredAsset s : assets.all(c)) {
                if (!visible.contains(s.areaId())) {
                    continue;
                }
                long id = s.asset().id();
                out.add(new AssetView(s, facts.get(id), media.renditionsOf(c, id), List.of()));
            }
            return out;
        });
    }

    public AssetView get(Actor actor, long id) {
        return db.read(c -> {
            StoredAsset s = visible(c, actor, id);
            return new AssetView(s, media.mediaOf(c, id).orElseThrow(), media.renditionsOf(c, id),
                    media.jobsOf(c, id));
        });
    }

    /** The asset's thumbnail (video, picture) or waveform (audio), once its preview job has made it. */
    public Optional<Path> preview(Actor actor, long id) {
        AssetMedia m = db.read(c -> {
            visible(c, actor, id);
            return media.mediaOf(c, id);
        }).orElseThrow(() -> ApiException.notFound("tệp/asset", id));
        return m.previewSha256() == null ? Optional.empty() : file(m.previewSha256());
    }

    /** The file a browser plays to preview the asset, and its media type; empty when the file is gone. */
    public Optional<AssetPlayback.Playable> playable(Actor actor, long id) {
        AssetPlayback.Playable p = db.read(c -> AssetPlayback.of(visible(c, actor, id), media.renditionsOf(c, id)));
        return file(p.sha256()).map(f -> p);
    }

    public Optional<Path> file(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path p = store.path(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Probes and stores an uploaded temp file as content of the actor's area; the same bytes uploaded again in
     * that area are the same asset. On any refusal nothing of it remains. displayName is kept as typed.
     */
    public Uploaded upload(Actor actor, Path tempFile, String displayName) {
        IngestResult ingested;
        try {
            ingested = store.ingest(tempFile, displayName, maxUploadBytes);
        } catch (MediaRejected e) {
            throw switch (e.reason()) {
                case TOO_LARGE -> new ApiException(413, "too_large", e.getMessage());
                case OVER_LIMIT -> new ApiException(422, "over_limit", e.getMessage());
                default -> new ApiException(422, "bad_media", e.getMessage());
            };
        } catch (IOException e) {
            throw new ApiException(500, "store_failed", "Không lưu được tệp / Could not store the file: "
                    + e.getMessage());
        }
        try {
            Uploaded up = db.tx(c -> {
                Optional<StoredAsset> existing = assets.bySha(c, ingested.sha256(), actor.areaId());
                if (existing.isPresent()) {
                    return new Uploaded(existing.get(), true);
                }
                long id = assets.insert(c, toStored(ingested, actor.areaId()));
                approvals.created(c, actor, ApprovalRepository.Kind.ASSET, id);
                return new Uploaded(assets.byId(c, id).orElseThrow(), false);
            });
            if (!up.duplicate()) {
                jobs.enqueue(up.asset().asset());
            }
            return up;
        } catch (RuntimeException e) {
            boolean referenced = db.read(c -> assets.bySha(c, ingested.sha256())).isPresent();
            if (!ingested.duplicate() && !referenced) {
                store.discard(ingested.sha256());
            }
            throw e;
        }
    }

    /** The asset if it exists and its owner area is in the actor's scope, else 404. */
    StoredAsset visible(java.sql.Connection c, Actor actor, long id) throws java.sql.SQLException {
        StoredAsset s = assets.byId(c, id).orElseThrow(() -> ApiException.notFound("tệp/asset", id));
        AreaScope.requireVisible(scope.of(c, actor), s.areaId(), "tệp/asset", id);
        return s;
    }

    private StoredAsset toStored(IngestResult r, Long areaId) {
        ProbeResult p = r.probe();
        Asset asset = new Asset(0, r.sha256(), r.safeName(), p.kind(), r.sizeBytes(), p.durationMs(), false, null);
        return new StoredAsset(asset, p.container(), p.videoCodec(), p.audioCodec(), p.width() == 0 ? null : p.width(), p.height() == 0 ? null : p.height(),
                clock.millis(), areaId);
    }
}
