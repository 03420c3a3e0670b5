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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final RenditionMaker backgroundMaker;
    private final ChangeNotifier changes;
    private final AssetReach reach;
    private final Clock clock;
    private final Path workRoot;
    private final List<Consumer<MediaJob>> listeners = new CopyOnWriteArrayList<>();
    private final JobLanes lanes;
    private final WorkSpeeds speeds = new WorkSpeeds();
    /** Jobs being run now: when each started, what it was expected to cost, and its last percent. */
    private final Map<Long, RunningJob> running = new ConcurrentHashMap<>();
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
        this.backgroundMaker = maker.niced(LONG_LANE_NICENESS);
        this.changes = changes;
        this.reach = new AssetReach(assets);
        this.clock = clock;
        this.workRoot = workRoot;
    }

    /**
     * Clears stale work files, gives assets from before the pipeline their jobs, queues a re-make of every
     * rendition made by another recipe than its profile's now, and resumes unfinished jobs.
     */
    public void start() throws IOException {
        WorkFiles.deleteTree(workRoot);
        Files.createDirectories(workRoot);
        List<MediaJob> unfinished = db.tx(c -> {
            for (long assetId : media.assetsWithoutJobs(c)) {
                insertJobs(c, assets.byId(c, assetId).orElseThrow().asset());
            }
            int remakes = queueStaleRenditions(c);
            if (remakes > 0) {
                log.info("re-making {} rendition(s) made by an older recipe; the old files play until then", remakes);
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

    /**
     * When the jobs of each asset still being processed are expected to be done (epoch ms), from the queue ahead
     * of them as the workers will take it and how fast each kind of job has run here ({@link WorkSpeeds}).
     * Assets with nothing queued or running are absent.
     */
    public Map<Long, Long> estimatedReady() {
        JobLanes.Snapshot snap = lanes.snapshot();
        long now = clock.millis();
        List<JobLanes.Queued> all = new ArrayList<>(snap.waiting());
        if (snap.runningShort() != null) {
            all.add(snap.runningShort());
        }
        if (snap.runningAny() != null) {
            all.add(snap.runningAny());
        }
        if (all.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> costs = db.read(c -> {
            Map<Long, Long> out = new HashMap<>();
            Map<Long, Asset> byId = new HashMap<>();
            for (JobLanes.Queued q : all) {
                Asset a = byId.computeIfAbsent(q.assetId(), id -> read(c, id));
                Optional<MediaJob> job = media.job(c, q.jobId());
                if (a != null && job.isPresent()) {
                    out.put(q.jobId(), speeds.costMs(job.get().task(), a.kind(), a.durationMs()));
                }
            }
            return out;
        });
        Map<Long, Long> runningDone = new HashMap<>();
        long shortFree = freeAt(snap.runningShort(), costs, now, runningDone);
        long anyFree = freeAt(snap.runningAny(), costs, now, runningDone);
        List<ReadinessEstimate.Work> waiting = snap.waiting().stream().filter(q -> costs.containsKey(q.jobId()))
                .map(q -> new ReadinessEstimate.Work(q.assetId(), q.lane(), costs.get(q.jobId()))).toList();
        return ReadinessEstimate.readyAt(shortFree, anyFree, runningDone, waiting);
    }

    private Asset read(java.sql.Connection c, long assetId) {
        try {
            return assets.byId(c, assetId).map(StoredAsset::asset).orElse(null);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When a worker is done with its running job (now if idle): the time left by its percent so far, or its cost. */
    private long freeAt(JobLanes.Queued q, Map<Long, Long> costs, long now, Map<Long, Long> runningDone) {
        if (q == null) {
            return now;
        }
        RunningJob r = running.get(q.jobId());
        long cost = costs.getOrDefault(q.jobId(), WorkSpeeds.FIXED_MS);
        long left;
        if (r == null) {
            left = cost;
        } else {
            long elapsed = Math.max(0, now - r.startMs);
            int percent = r.percent;
            left = percent >= 5 ? elapsed * 100 / percent - elapsed : cost - elapsed;
        }
        long done = now + Math.max(1_000, left);
        runningDone.merge(q.assetId(), done, Math::max);
        return done;
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

    /**
     * A job for every rendition whose recipe is not its profile's recipe now (settings or maker changed), unless
     * one is already waiting. The rendition row stays, so endpoints keep playing the old file until the new one
     * replaces it.
     */
    private int queueStaleRenditions(java.sql.Connection c) throws java.sql.SQLException {
        Set<String> waiting = new HashSet<>();
        for (MediaJob j : media.unfinishedJobs(c)) {
            waiting.add(j.assetId() + "/" + j.task());
        }
        int queued = 0;
        for (Rendition r : media.allRenditions(c)) {
            Optional<MediaProfile> profile = MediaProfile.byId(r.profile());
            if (profile.isEmpty() || maker.recipe(profile.get()).fingerprint().equals(r.recipe())
                    || !waiting.add(r.assetId() + "/" + r.profile())) {
                continue;
            }
            media.insertJob(c, r.assetId(), r.profile(), clock.millis());
            queued++;
        }
        return queued;
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
        Asset facts = asset.asset();
        RunningJob now = new RunningJob(clock.millis());
        running.put(jobId, now);
        Progress progress = new Progress(save(job.withProgress(MediaJob.RUNNING, 0, null, clock.millis())), now);
        Path work = null;
        try {
            work = Files.createTempDirectory(Files.createDirectories(workRoot), "job-" + jobId + "-");
            if (MediaJob.PREVIEW.equals(job.task())) {
                preview(chosen, asset, work, progress);
            } else {
                rendition(chosen, asset, MediaProfile.byId(job.task()).orElseThrow(), work, progress);
            }
            progress.finish(MediaJob.DONE, null);
            speeds.observe(job.task(), facts.kind(), facts.durationMs(), clock.millis() - now.startMs);
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
            running.remove(jobId);
            WorkFiles.deleteTree(work);
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
                delivered == null ? null : delivered.truePeakDbtp(), clock.millis(),
                using.recipe(profile).fingerprint());
        db.tx(c -> {
            media.putRendition(c, r);
            return null;
        });
        log.info("asset {} rendition {} stored as {} ({} bytes)", asset.asset().id(), profile.id(), r.sha256(),
                r.sizeBytes());
    }

    /** Sets the asset's status from its jobs, in the transaction that wrote the last job change; true if it changed. */
    private boolean settleStatus(java.sql.Connection c, long assetId) throws java.sql.SQLException {
        // A profile that has a rendition is served by it: a re-make waiting or failed does not unready it.
        Set<String> served = new HashSet<>();
        media.renditionsOf(c, assetId).forEach(r -> served.add(r.profile()));
        List<MediaJob> jobs = media.jobsOf(c, assetId).stream()
                .filter(j -> MediaJob.PREVIEW.equals(j.task()) || !served.contains(j.task())).toList();
        Optional<MediaJob> failed = jobs.stream().filter(j -> MediaJob.FAILED.equals(j.state()))
                .min(Comparator.comparingLong(MediaJob::id));
        String status = failed.isPresent() ? AssetMedia.FAILED
                : jobs.stream().allMatch(MediaJob::finished) ? AssetMedia.READY : AssetMedia.PROCESSING;
        String reason = failed.map(j -> j.task() + ": " + j.error()).orElse(null);
        Optional<AssetMedia> before = media.mediaOf(c, assetId);
        if (before.isEmpty()) {
            return false; // deleted while its job ran
        }
        media.setStatus(c, assetId, status, reason);
        return !status.equals(before.get().status());
    }

    /**
     * Writes a job's end and its asset's status in one transaction, and only then tells listeners: whoever hears
     * that the last job is done and asks for the asset must find it READY, not still processing.
     */
    private MediaJob finished(MediaJob job) {
        long assetId = job.assetId();
        boolean changed;
        try {
            changed = db.tx(c -> {
                media.updateJob(c, job);
                return settleStatus(c, assetId);
            });
        } catch (RuntimeException e) {
            if (closing) {
                return job;
            }
            throw e;
        }
        // A finished rendition changes what the endpoints playing the asset are given, and only theirs.
        changes.scheduleChanged(db.read(c -> reach.of(c, assetId, clock.millis())));
        if (changed) {
            log.info("asset {} is now {}", assetId, db.read(c -> media.mediaOf(c, assetId)).map(AssetMedia::status)
                    .orElse("deleted"));
        }
        publish(job);
        return job;
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

    /** A job a worker runs now, for the readiness estimate. */
    private static final class RunningJob {
        final long startMs;
        volatile int percent;

        RunningJob(long startMs) {
            this.startMs = startMs;
        }
    }

    /** Keeps one job's percent: every change is published, every PERSIST_STEP percent is written. */
    private final class Progress {
        private MediaJob job;
        private int persisted;
        private final RunningJob running;

        Progress(MediaJob job, RunningJob running) {
            this.job = job;
            this.running = running;
        }

        synchronized void percent(int p) {
            int clamped = Math.max(job.progress(), Math.min(99, p));
            if (clamped == job.progress()) {
                return;
            }
            job = job.withProgress(MediaJob.RUNNING, clamped, null, clock.millis());
            running.percent = clamped;
            if (clamped - persisted >= PERSIST_STEP) {
                persisted = clamped;
                save(job);
            } else {
                publish(job);
            }
        }

        synchronized void finish(String state, String error) {
            job = finished(job.withProgress(state, MediaJob.DONE.equals(state) ? 100 : job.progress(), error,
                    clock.millis()));
        }
    }
}
