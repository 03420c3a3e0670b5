package vn.bantin.app;

import io.vertx.core.Vertx;
import vn.bantin.app.live.LiveServices;
import vn.bantin.config.BantinConfig;
import vn.bantin.media.AssetStore;
import vn.bantin.media.EspeakTts;
import vn.bantin.media.MediaProbe;
import vn.bantin.media.RenditionMaker;
import vn.bantin.security.ControllerKeyFile;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.NonceCache;
import vn.bantin.security.RequestSignature;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EnrollmentCodeRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.MediaRepository;
import vn.bantin.store.UploadRepository;
import vn.bantin.store.PlayRecordRepository;

import java.time.Clock;
import java.time.Duration;

/** The composition root of the application layer: every service, built once, wired by hand. */
public record Services(AreaService areas, EndpointService endpoints, AssetService assets, CampaignService campaigns,
                       TimelineService timelines, DeviceAuthenticator authenticator, DeviceService devices,
                       PlayIngestService ingest, PlayQueryService plays, ReportService reports,
                       PlanPreviewService previews, AlertService alerts, PushHub push, MediaJobService jobs,
                       UploadService uploads, TtsService tts, LiveServices live) {

    /** Three missed heartbeats (the agent's default interval is 30 s) and an endpoint counts as offline. */
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(90);

    public static Services create(Vertx vertx, Database db, BantinConfig config, Clock clock) {
        AreaRepository areaRepo = new AreaRepository();
        EndpointRepository endpointRepo = new EndpointRepository();
        AssetRepository assetRepo = new AssetRepository();
        CampaignRepository campaignRepo = new CampaignRepository(assetRepo);
        PlayRecordRepository playRepo = new PlayRecordRepository();
        ExpectedPlayRepository expectedRepo = new ExpectedPlayRepository();
        EnrollmentCodeRepository codeRepo = new EnrollmentCodeRepository();
        AlertRepository alertRepo = new AlertRepository(assetRepo);

        Ed25519Keys.KeyPair controllerKey = ControllerKeyFile.loadOrCreate(config.dataDir());
        MediaRepository mediaRepo = new MediaRepository();
        TimelineService timelines = new TimelineService(db, areaRepo, endpointRepo, campaignRepo, alertRepo,
                expectedRepo, mediaRepo, controllerKey::signBase64, clock,
                Duration.ofDays(config.timelineHorizonDays()));
        PushHub push = new PushHub();
        timelines.onAffected(push::timelineChanged);
        MediaProbe probe = new MediaProbe();
        AssetStore store = new AssetStore(config.mediaDir(), probe);
        MediaJobService jobs = new MediaJobService(db, assetRepo, mediaRepo, store, probe, new RenditionMaker(),
                timelines, clock, config.dataDir().resolve("work"));
        AssetService assets = new AssetService(db, assetRepo, store, timelines, clock, config.maxUploadBytes(),
                mediaRepo, jobs);
        DeviceAuthenticator authenticator = new DeviceAuthenticator(db, endpointRepo,
                new RequestSignature(new NonceCache()), clock);
        DeviceService devices = new DeviceService(db, endpointRepo, codeRepo, authenticator,
                controllerKey.publicKeyBase64(), timelines, clock);
        PlayIngestService ingest = new PlayIngestService(db, playRepo, clock);
        AlertService alerts = new AlertService(db, alertRepo, assetRepo, areaRepo, endpointRepo, timelines, push, clock);
        return new Services(
                new AreaService(db, areaRepo, timelines),
                new EndpointService(db, endpointRepo, areaRepo, codeRepo, timelines, clock),
                assets,
                new CampaignService(db, campaignRepo, assetRepo, areaRepo, endpointRepo,
                        new CampaignQuietHoursGuard(areaRepo, endpointRepo), timelines, clock),
                timelines,
                authenticator,
                devices,
                ingest,
                new PlayQueryService(db, playRepo, endpointRepo),
                new ReportService(db, expectedRepo, playRepo, campaignRepo, endpointRepo,
                        java.time.ZoneId.of(config.defaultZone()), clock),
                new PlanPreviewService(db, areaRepo, endpointRepo, campaignRepo),
                alerts,
                push,
                jobs,
                new UploadService(db, new UploadRepository(), assets, config.uploadTempDir().resolve("resumable"),
                        config.maxUploadBytes(), clock),
                new TtsService(new EspeakTts(), assets, config.uploadTempDir()),
                LiveServices.create(db, timelines, devices, ingest, alerts, jobs, endpointRepo, clock, OFFLINE_AFTER));
    }
}
