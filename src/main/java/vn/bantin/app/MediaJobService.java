package vn.bantin.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.domain.Asset;
import vn.bantin.media.AssetStore;
import vn.bantin.media.Loudness;
import vn.bantin.media.MediaProbe;
import vn.bantin.media.MediaProfile;
import vn.bantin.media.MediaRejected;
import vn.bantin.media.ProbeResult;
import vn.bantin.media.RenditionFailed;
import vn.bantin.media.RenditionMaker;
import vn.bantin.store.AssetMedia;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.Database;
import vn.bantin.store.MediaJob;
import vn.bantin.store.MediaRepository;
import vn.bantin.store.Rendition;
import vn.bantin.store.StoredAsset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs media jobs (a preview, one rendition per profile) off the event loop, in the order the schedule needs
 * them and in two lanes ({@link JobLanes}): jobs on sources longer than {@link #LONG_SOURCE_MS} run on one worker
 * only, at a lower CPU priority. Jobs live in the media_job table: on start, unfinished ones run again. A
 * finished file is stored (fsync, atomic rename) before its row is written, so nothing half-made is ever
 * recorded or served.
 */
public final class MediaJobService implements AutoCloseable {

    /** Sources longer than this (five minutes) are long work: the long lane, niced. */
    public static final long LONG_SOURCE_MS = 5 * 60_000;
    /** How much the long lane's ffmpeg yields the CPU (nice(1) steps). */
    private static final int LONG_LANE_NICENESS = 10;
    private static final Logger log = LoggerFactory.getLogger(MediaJobService.class);
    private static final int PERSIST_STEP = 5;

    private final Database db;
    private final AssetRepository assets;
    private final MediaRepository media;
    private final AssetStore store;
    private final MediaProbe probe;
    private final RenditionMaker maker;
    private final RenditionMaker backgroundMaker = new RenditionMaker(null, LONG_LANE_NICENESS);
    private final ChangeNotifier changes;
    private final Clock clock;
    private final Path workRoot;
    private final List<Consumer<MediaJob>> listeners = new CopyOnWriteArrayList<>();
    private final JobLanes lanes;
    private volatile boolean closing;

    public MediaJobService(Database db, AssetRepository assets, MediaRepository media, AssetStore store,
                           MediaProbe probe, RenditionMaker maker, ChangeNotifier changes, Clock clock,
                           Path workRoot, ZoneId zone) {
        this.lanes = new JobLanes(new MediaNeeds(db, clock, zone)::neededAt, this::run);
        this.db = db;
        this.assets = assets;
        this.media = media;
        this.store = store;
        this.probe = probe;
        this.maker = maker;
        this.changes = changes;
        this.clock = clock;
        this.workRoot = workRoot;
    }

    /** Clears stale work files, gives assets from before the pipeline their jobs, and resumes unfinished jobs. */
    public void start() throws IOException {
        WorkFiles.deleteTree(workRoot);
        Files.createDirectories(workRoot);
        List<MediaJob> unfinished = db.tx(c -> {
            for (long assetId : media.assetsWithoutJobs(c)) {
                insertJobs(c, assets.byId(c, assetId).orElseThrow().asset());
            }
            return media.unfinishedJobs(c);
        });
        if (!unfinished.isEmpty()) {
            log.info("resuming {} unfinished media job(s)", unfinished.size());
        }
        unfinished.forEach(this::submit);
    }

    /** Queues the preview and every rendition a new asset needs. Call after its row is committed. */
    public List<MediaJob> enqueue(Asset asset) {
        List<MediaJob> jobs = db.tx(c -> insertJobs(c, asset));
        jobs.forEach(j -> {
            publish(j);
            submit(j);
        });
        return jobs;
    }

    public Optional<MediaJob> job(long id) {
        return db.read(c -> media.job(c, id));
    }

    public List<MediaJob> jobsOf(long assetId) {
        return db.read(c -> media.jobsOf(c, assetId));
    }

    public List<MediaJob> recent(int limit) {
        return db.read(c -> media.recentJobs(c, limit));
    }

    /** Every state and percent change of every job; returns the way to unsubscribe. */
    public Runnable subscribe(Consumer<MediaJob> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Job ids waiting to run, in the order they would run now. */
    public List<Long> queueOrder() {
        return lanes.order();
    }

    /** Stops the workers; running jobs stay RUNNING in the table and run again on the next start. */
    @Override
    public void close() {
        closing = true;
        lanes.close();
    }

    private List<MediaJob> insertJobs(java.sql.Connection c, Asset asset) throws java.sql.SQLException {
        List<String> tasks = new ArrayList<>(List.of(MediaJob.PREVIEW));
        MediaProfile.forAsset(asset.kind()).forEach(p -> tasks.add(p.id()));
        List<MediaJob> jobs = new ArrayList<>();
        for (String task : tasks) {
            jobs.add(media.job(c, media.insertJob(c, asset.id(), task, clock.millis())).orElseThrow());
        }
        return jobs;
    }

    private void submit(MediaJob job) {
        Asset asset = db.read(c -> assets.byId(c, job.assetId())).orElseThrow().asset();
        lanes.offer(new JobLanes.Queued(job.id(), job.assetId(),
                asset.durationMs() > LONG_SOURCE_MS ? JobLanes.Lane.LONG : JobLanes.Lane.SHORT));
    }

    private void run(JobLanes.Queued queued) {
        if (closing) {
            return;
        }
        long jobId = queued.jobId();
        RenditionMaker chosen = queued.lane() == JobLanes.Lane.LONG ? backgroundMaker : maker;
        MediaJob job = db.read(c -> media.job(c, jobId)).orElse(null);
        if (job == null || job.finished()) {
            return;
        }
        StoredAsset asset = db.read(c -> assets.byId(c, job.assetId())).orElseThrow();
        Progress progress = new Progress(save(job.withProgress(MediaJob.RUNNING, 0, null, clock.millis())));
        Path work = null;
        try {
            work = Files.createTempDirectory(Files.createDirectories(workRoot), "job-" + jobId + "-");
            if (MediaJob.PREVIEW.equals(job.task())) {
                preview(chosen, asset, work, progress);
            } else {
                rendition(chosen, asset, MediaProfile.byId(job.task()).orElseThrow(), work, progress);
            }
            progress.finish(MediaJob.DONE, null);
        } catch (RenditionFailed | MediaRejected e) {
            if (!stopping(progress)) {
                progress.finish(MediaJob.FAILED, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            if (!stopping(progress)) {
                log.error("media job {} failed", jobId, e);
                progress.finish(MediaJob.FAILED, "Lỗi máy chủ khi xử lý tệp / Server error while processing: " + e);
            }
        } finally {
            WorkFiles.deleteTree(work);
        }
        if (!closing) {
            refreshStatus(asset.asset().id());
        }
    }

    /** A job cut short by shutdown is left RUNNING, to run again on the next start. */
    private boolean stopping(Progress progress) {
        if (closing || Thread.currentThread().isInterrupted()) {
            log.info("media job {} stopped by shutdown; it resumes on the next start", progress.job.id());
            return true;
        }
        return false;
    }

    private void preview(RenditionMaker using, StoredAsset asset, Path work, Progress progress)
            throws RenditionFailed, IOException {
        ProbeResult src = sourceFacts(asset);
        Path source = store.path(asset.asset().sha256());
        AssetStore.Stored picture = store.put(using.preview(source, src, work));
        Loudness loudness = src.audioCodec() == null ? null
                : using.measure(source, src.durationMs(), progress::percent);
        db.tx(c -> {
            media.setPreview(c, asset.asset().id(), picture.sha256());
            if (loudness != null) {
                media.setLoudness(c, asset.asset().id(), loudness.integratedLufs(), loudness.truePeakDbtp(),
                        loudness.rangeLu());
            }
            return null;
        });
    }

    private void rendition(RenditionMaker using, StoredAsset asset, MediaProfile profile, Path work,
                           Progress progress)
            throws RenditionFailed, MediaRejected, IOException {
        ProbeResult src = sourceFacts(asset);
        RenditionMaker.Made made = using.rendition(store.path(asset.asset().sha256()), src, profile, work,
                progress::percent);
        // ffmpeg exited 0; one ffprobe for the facts the row records and the geometry check is enough for our
        // own encode (uploads get the full decode check). Loudness was measured on the made file itself.
        ProbeResult out = probe.inspectOwn(made.file(), RenditionMaker.outputKind(src.kind(), profile));
        if (profile.width() > 0 && (out.width() != profile.width() || out.height() != profile.height())) {
            throw new RenditionFailed("Bản dựng sai kích thước " + out.width() + "×" + out.height()
                    + " / Rendition came out " + out.width() + "×" + out.height() + ", expected "
                    + profile.width() + "×" + profile.height());
        }
        Loudness delivered = made.delivered();
        AssetStore.Stored stored = store.put(made.file());
        Rendition r = new Rendition(asset.asset().id(), profile.id(), stored.sha256(), stored.sizeBytes(),
                out.durationMs(), out.videoCodec(), out.audioCodec(), out.width() == 0 ? null : out.width(),
                out.height() == 0 ? null : out.height(), delivered == null ? null : delivered.integratedLufs(),
                delivered == null ? null : delivered.truePeakDbtp(), clock.millis());
        db.tx(c -> {
            media.putRendition(c, r);
            return null;
        });
        log.info("asset {} rendition {} stored as {} ({} bytes)", asset.asset().id(), profile.id(), r.sha256(),
                r.sizeBytes());
    }

    private void refreshStatus(long assetId) {
        boolean changed = db.tx(c -> {
            List<MediaJob> jobs = media.jobsOf(c, assetId);
            Optional<MediaJob> failed = jobs.stream().filter(j -> MediaJob.FAILED.equals(j.state()))
                    .min(Comparator.comparingLong(MediaJob::id));
            String status = failed.isPresent() ? AssetMedia.FAILED
                    : jobs.stream().allMatch(MediaJob::finished) ? AssetMedia.READY : AssetMedia.PROCESSING;
            String reason = failed.map(j -> j.task() + ": " + j.error()).orElse(null);
            AssetMedia before = media.mediaOf(c, assetId).orElseThrow();
            media.setStatus(c, assetId, status, reason);
            return !status.equals(before.status());
        });
        // Every finished rendition can change what endpoints with its profile play.
        changes.scheduleChanged();
        if (changed) {
            log.info("asset {} is now {}", assetId, db.read(c -> media.mediaOf(c, assetId)).orElseThrow().status());
        }
    }

    private static ProbeResult sourceFacts(StoredAsset a) {
        return new ProbeResult(a.asset().kind(), a.asset().durationMs(), a.formatName(), a.videoCodec(),
                a.audioCodec(), a.width() == null ? 0 : a.width(), a.height() == null ? 0 : a.height(), 0, 0);
    }

    private MediaJob save(MediaJob job) {
        try {
            db.tx(c -> {
                media.updateJob(c, job);
                return null;
            });
        } catch (RuntimeException e) {
            if (!closing) {
                throw e;
            }
        }
        publish(job);
        return job;
    }

    private void publish(MediaJob job) {
        for (Consumer<MediaJob> l : listeners) {
            try {
                l.accept(job);
            } catch (RuntimeException e) {
                log.debug("job listener failed", e);
            }
        }
    }

    /** Keeps one job's percent: every change is published, every PERSIST_STEP percent is written. */
    private final class Progress {
        private MediaJob job;
        private int persisted;

        Progress(MediaJob job) {
            this.job = job;
        }

        synchronized void percent(int p) {
            int clamped = Math.max(job.progress(), Math.min(99, p));
            if (clamped == job.progress()) {
                return;
            }
            job = job.withProgress(MediaJob.RUNNING, clamped, null, clock.millis());
            if (clamped - persisted >= PERSIST_STEP) {
                persisted = clamped;
                save(job);
            } else {
                publish(job);
            }
        }

        synchronized void finish(String state, String error) {
            job = save(job.withProgress(state, MediaJob.DONE.equals(state) ? 100 : job.progress(), error,
                    clock.millis()));
        }
    }
}
