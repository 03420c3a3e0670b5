package vn.bantin.app;

import io.vertx.core.Vertx;
import vn.bantin.config.BantinConfig;
import vn.bantin.media.AssetStore;
import vn.bantin.media.MediaProbe;
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
import vn.bantin.store.PlayRecordRepository;

import java.time.Clock;
import java.time.Duration;

/** The composition root of the application layer: every service, built once, wired by hand. */
public record Services(AreaService areas, EndpointService endpoints, AssetService assets, CampaignService campaigns,
                       TimelineService timelines, DeviceAuthenticator authenticator, DeviceService devices,
                       PlayIngestService ingest, PlayQueryService plays, ReportService reports,
                       PlanPreviewService previews, AlertService alerts, PushHub push) {

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
        TimelineService timelines = new TimelineService(db, areaRepo, endpointRepo, campaignRepo, alertRepo, expectedRepo,
                controllerKey::signBase64, clock, Duration.ofDays(config.timelineHorizonDays()));
        PushHub push = new PushHub();
        timelines.onAffected(push::timelineChanged);
        AssetStore store = new AssetStore(config.mediaDir(), new MediaProbe());
        DeviceAuthenticator authenticator = new DeviceAuthenticator(db, endpointRepo,
                new RequestSignature(new NonceCache()), clock);
        return new Services(
                new AreaService(db, areaRepo, timelines),
                new EndpointService(db, endpointRepo, areaRepo, codeRepo, timelines, clock),
                new AssetService(db, assetRepo, store, timelines, clock, config.maxUploadBytes()),
                new CampaignService(db, campaignRepo, assetRepo, areaRepo, endpointRepo,
                        new CampaignQuietHoursGuard(areaRepo, endpointRepo), timelines, clock),
                timelines,
                authenticator,
                new DeviceService(db, endpointRepo, codeRepo, authenticator, controllerKey.publicKeyBase64(),
                        timelines, clock),
                new PlayIngestService(db, playRepo, clock),
                new PlayQueryService(db, playRepo, endpointRepo),
                new ReportService(db, expectedRepo, playRepo, campaignRepo, endpointRepo,
                        java.time.ZoneId.of(config.defaultZone()), clock),
                new PlanPreviewService(db, areaRepo, endpointRepo, campaignRepo),
                new AlertService(db, alertRepo, assetRepo, areaRepo, endpointRepo, timelines, push, clock),
                push);
    }
}
