package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.Database;
import vn.bantin.store.MediaJob;
import vn.bantin.store.MediaRepository;
import vn.bantin.store.StoredAsset;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Media jobs as an actor may see them: the jobs of assets owned by an area in their scope. */
public final class ScopedJobs {

    private static final int SCOPED_SCAN = 1000;

    private final Database db;
    private final MediaRepository media;
    private final AssetRepository assets;
    private final AreaScope scope;

    public ScopedJobs(Database db, MediaRepository media, AssetRepository assets, AreaScope scope) {
        this.db = db;
        this.media = media;
        this.assets = assets;
        this.scope = scope;
    }

    public MediaJob job(Actor actor, long id) {
        Optional<MediaJob> job = db.read(c -> media.job(c, id));
        if (job.isEmpty() || !visibleTo(actor).test(job.get())) {
            throw ApiException.notFound("tác vụ/job", id);
        }
        return job.get();
    }

    public List<MediaJob> recent(Actor actor, int limit) {
        if (actor.fullScope()) {
            return db.read(c -> media.recentJobs(c, limit));
        }
        Predicate<MediaJob> visible = visibleTo(actor);
        return db.read(c -> media.recentJobs(c, SCOPED_SCAN)).stream().filter(visible).limit(limit).toList();
    }

    /** A test for job events: the scope is taken now, each job's asset owner is looked up as it comes. */
    public Predicate<MediaJob> visibleTo(Actor actor) {
        if (actor.fullScope()) {
            return job -> true;
        }
        Scope visible = db.read(c -> scope.of(c, actor));
        return job -> db.read(c -> assets.byId(c, job.assetId())).map(StoredAsset::areaId)
                .filter(visible::contains).isPresent();
    }
}
