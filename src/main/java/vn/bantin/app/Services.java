package vn.bantin.app;

import io.vertx.core.Vertx;
import org.slf4j.LoggerFactory;
import vn.bantin.app.evidence.Evidence;
import vn.bantin.app.live.LiveServices;
import vn.bantin.app.report.CoverageService;
import vn.bantin.app.report.ReportExports;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.audit.AuditTrail;
import vn.bantin.config.AccessConfig;
import vn.bantin.config.BantinConfig;
import vn.bantin.config.TrustConfig;
import vn.bantin.security.PasswordHasher;
import vn.bantin.security.SetupTokenFile;
import vn.bantin.schedule.LiveOverlay;
import vn.bantin.store.LiveSessionRepository;
import vn.bantin.stream.LiveStreamServer;
import vn.bantin.store.ApiTokenRepository;
import vn.bantin.store.SessionRepository;
import vn.bantin.store.UserRepository;
import vn.bantin.media.AssetStore;
import vn.bantin.media.EspeakTts;
import vn.bantin.media.MediaProbe;
import vn.bantin.media.RenditionMaker;
import vn.bantin.security.ControllerKeyFile;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.NonceCache;
import vn.bantin.security.RequestSignature;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AlertReviewRepository;
import vn.bantin.store.ApprovalRepository;
import vn.bantin.store.AreaPolicyRepository;
import vn.bantin.store.AuditRepository;
import vn.bantin.store.LifecycleRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.LiveSourceRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EnrollmentCodeRepository;
import vn.bantin.store.MediaRepository;
import vn.bantin.store.TimelineIssueRepository;
import vn.bantin.store.UploadRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.SeqRangeRepository;
import vn.bantin.store.DeviceKeyRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.GapNoticeRepository;
import vn.bantin.store.PlayNameRepository;

import vn.bantin.store.CommandRepository;
import vn.bantin.store.ConnectionRepository;

import java.time.Clock;
import java.time.Duration;

/** The composition root of the application layer: every service, built once, wired by hand. */
public record Services(AreaService areas, EndpointService endpoints, AssetService assets, CampaignService campaigns,
                       TimelineService timelines, DeviceAuthenticator authenticator, DeviceService devices,
                       PlayIngestService ingest, PlayQueryService plays, ReportService reports,
                       ReportExports reportExports, CoverageService coverage,
                       PlanPreviewService previews, AlertService alerts, PushHub push, MediaJobService jobs,
                       UploadService uploads, TtsService tts, People people, ScopedJobs scopedJobs,
                       Approval approval, AuditTrail audit, LiveServices live, Lifecycle lifecycle,
                       Evidence evidence, AgentLink agentLink, OnAir onAir,
                       LiveSourceService sources) {

    /** Live microphone sessions and their audio on the way to the streaming server. */
    public record OnAir(LiveSessionService sessions, LiveBroadcasts broadcasts) {

        static OnAir create(Database db, AreaRepository areas, EndpointRepository endpoints, AreaScope scope,
                            TimelineService timelines, AssetService assets, PresenceService presence,
                            LiveStreamServer server, BantinConfig config, Clock clock) {
            LiveSessionRepository repo = new LiveSessionRepository();
            LiveSessionService sessions = new LiveSessionService(db, repo, areas, endpoints, scope, timelines,
                    presence::isOnline, clock);
            LiveBroadcasts broadcasts = new LiveBroadcasts(sessions, server, assets, config.dataDir().resolve("live"),
                    config.uploadTempDir(), java.time.ZoneId.of(config.defaultZone()), clock);
            long openEnd = config.live().maxOnAir().toMillis();
            timelines.addOverlay((c, t) -> LiveOverlay.apply(t, repo.liveAfter(c, t.fromMs()), openEnd,
                    broadcasts::listenUrl));
            return new OnAir(sessions, broadcasts);
        }
    }

    /** Who is online with its connection history, and the remote commands sent to endpoints. */
    public record AgentLink(PresenceService presence, CommandService commands) {

        static AgentLink create(Database db, EndpointRepository endpoints, AreaScope scope, PushHub push,
                                DeviceAuthenticator authenticator, java.util.function.Function<byte[], String> signer,
                                BantinConfig config, Clock clock) {
            VisibleEndpoints visible = new VisibleEndpoints(endpoints, scope);
            PresenceService presence = new PresenceService(db, new ConnectionRepository(), visible, clock,
                    config.agentLink().offlineAfter());
            authenticator.onAuthenticated(presence::seen);
            return new AgentLink(presence, new CommandService(db, new CommandRepository(), endpoints, visible, push,
                    new Screenshots(config.dataDir().resolve("screenshots")), signer, clock,
                    config.agentLink().commandTtl()));
        }
    }

    public PresenceService presence() {
        return agentLink.presence();
    }

    public CommandService commands() {
        return agentLink.commands();
    }

    /** Approval before air, area policies and alert reviews. */
    public record Approval(ApprovalService approvals, AreaPolicies policies, AlertReviews alertReviews) {
    }

    /** Sign-in and the people who sign in. */
    public record People(UserService users, SessionService sessions, ApiTokenService tokens, LoginThrottle throttle,
                         FirstAdmin firstAdmin) {

        public static People create(Database db, AreaRepository areaRepo, AreaScope scope, BantinConfig config,
                             Clock clock) {
            AccessConfig access = config.access();
            PasswordHasher hasher = new PasswordHasher(new PasswordHasher.Cost(access.argon2MemoryKiB(),
                    access.argon2Iterations(), 1));
            LoginThrottle throttle = new LoginThrottle(clock, access.failureWindow(), access.failuresPerAccount(),
                    access.failuresPerAddress());
            UserRepository userRepo = new UserRepository();
            SessionRepository sessionRepo = new SessionRepository();
            SessionCache sessionCache = new SessionCache();
            return new People(new UserService(db, userRepo, sessionRepo, scope, hasher, clock, sessionCache),
                    new SessionService(db, userRepo, sessionRepo, hasher, throttle, access, clock, sessionCache),
                    new ApiTokenService(db, new ApiTokenRepository(), scope, clock), throttle,
                    new FirstAdmin(db, userRepo, hasher, new SetupTokenFile(config.dataDir()), throttle, clock));
        }
    }

    public UserService users() {
        return people.users();
    }

    public SessionService sessions() {
        return people.sessions();
    }

    public ApiTokenService tokens() {
        return people.tokens();
    }

    public LoginThrottle throttle() {
        return people.throttle();
    }

    public FirstAdmin firstAdmin() {
        return people.firstAdmin();
    }


    /** The issuing unit a report export names when the caller names none. */
    private static final String DEFAULT_ISSUER = "Trung tâm Văn hóa - Thông tin";

    public static Services create(Vertx vertx, Database db, BantinConfig config, Clock clock,
                                  LiveStreamServer streamServer) {
        AreaRepository areaRepo = new AreaRepository();
        EndpointRepository endpointRepo = new EndpointRepository();
        AssetRepository assetRepo = new AssetRepository();
        CampaignRepository campaignRepo = new CampaignRepository(assetRepo);
        PlayRecordRepository playRepo = new PlayRecordRepository();
        EnrollmentCodeRepository codeRepo = new EnrollmentCodeRepository();
        AlertRepository alertRepo = new AlertRepository(assetRepo);
        AreaScope scope = new AreaScope(areaRepo);
        ApprovalRepository approvalRepo = new ApprovalRepository();
        AreaPolicies policies = new AreaPolicies(db, areaRepo, new AreaPolicyRepository(), scope);
        Approvals approvals = new Approvals(approvalRepo, policies, clock);
        AlertReviewRepository reviewRepo = new AlertReviewRepository();
        CampaignRules campaignRules = new CampaignRules(areaRepo, endpointRepo, campaignRepo, policies);

        Ed25519Keys.KeyPair controllerKey = ControllerKeyFile.loadOrCreate(config.dataDir());
        LoggerFactory.getLogger(Services.class).info("Controller key fingerprint {} (agents: controller.key.fingerprint;"
                + " or pre-install controller.key={})", Ed25519Keys.fingerprint(controllerKey.publicKey()),
                controllerKey.publicKeyBase64());
        MediaRepository mediaRepo = new MediaRepository();
        ReportRollups rollups = new ReportRollups(areaRepo);
        TimelineService timelines = new TimelineService(db, areaRepo, endpointRepo, campaignRepo, alertRepo,
                mediaRepo, rollups, controllerKey::signBase64,
                new TimelineSerials(db, new TimelineIssueRepository(), clock), clock,
                Duration.ofDays(config.timelineHorizonDays()));
        Evidence evidence = Evidence.create(db, new Evidence.Stores(areaRepo, endpointRepo, campaignRepo, alertRepo,
                mediaRepo, playRepo), rollups, scope, java.time.ZoneId.of(config.defaultZone()), clock,
                Duration.ofDays(config.timelineHorizonDays()), controllerKey);
        timelines.onPlanChanged(evidence.plans()::changed);
        PushHub push = new PushHub();
        timelines.onAffected(push::timelineChanged);
        MediaProbe probe = new MediaProbe(null, config.mediaLimits());
        AssetStore store = new AssetStore(config.mediaDir(), probe);
        MediaJobService jobs = new MediaJobService(db, assetRepo, mediaRepo, store, probe, new RenditionMaker(config.renditions()),
                timelines, clock, config.dataDir().resolve("work"), java.time.ZoneId.of(config.defaultZone()));
        AssetService assets = new AssetService(db, assetRepo, store, timelines, clock, config.maxUploadBytes(),
                mediaRepo, jobs, scope, approvals);
        DeviceAuthenticator authenticator = new DeviceAuthenticator(db, endpointRepo,
                new RequestSignature(new NonceCache()), controllerKey::signBase64, clock);
        EndpointService endpoints = new EndpointService(db, endpointRepo, codeRepo, timelines, clock, scope,
                Ed25519Keys.fingerprint(controllerKey.publicKey()), localCaFingerprint(config.trust()));
        endpoints.onRevoked(push::disconnect);
        AuditTrail audit = new AuditTrail(db, new AuditRepository(), scope, clock);
        TrustConfig trust = config.trust();
        DeviceService devices = new DeviceService(db, endpointRepo, codeRepo, authenticator,
                controllerKey.publicKeyBase64(), timelines, controllerKey::signBase64, clock,
                new EnrollmentQueue(new EnrollmentQueue.Limits(trust.pendingMax(), trust.enrollPerMinute(),
                        trust.newPerHour()), clock), audit);
        devices.onKeyBound((endpointId, replaced) -> {
            if (!replaced.isEmpty()) {
                push.disconnect(endpointId);
            }
        });
        PlayIngestService ingest = new PlayIngestService(db, playRepo, new SeqRangeRepository(),
                new GapNoticeRepository(), new PlayIngestService.EvidenceNames(new ExpectedPlayRepository(),
                        new PlayNameRepository(), new DeviceKeyRepository()), controllerKey::signBase64, clock, rollups);
        AlertService alerts = new AlertService(db, alertRepo, assetRepo, areaRepo, endpointRepo, timelines, push, clock,
                scope, reviewRepo);
        LiveSourceService sources = new LiveSourceService(db, new LiveSourceRepository(assetRepo), assetRepo, scope,
                timelines, clock);
        AgentLink agentLink = AgentLink.create(db, endpointRepo, scope, push, authenticator, controllerKey::signBase64,
                config, clock);
        LiveServices live = LiveServices.create(db, timelines, devices, ingest, alerts, jobs, endpointRepo, alertRepo,
                scope, clock, agentLink.presence());
        OnAir onAir = OnAir.create(db, areaRepo, endpointRepo, scope, timelines, assets, agentLink.presence(),
                streamServer, config, clock);
        onAir.sessions().onChange(new vn.bantin.app.evidence.LivePlan(db, areaRepo, new ExpectedPlayRepository(),
                rollups, clock, config.live().maxOnAir())::changed);
        agentLink.presence().onChange(new vn.bantin.app.evidence.LiveDropouts(db, new ExpectedPlayRepository(), rollups,
                clock)::presenceChanged);
        devices.onHeartbeat(onAir.sessions()::heartbeat);
        endpoints.onDecided(live.enrollments()::decided);
        onAir.sessions().onChange(session -> live.events().publish("live.session", session.targets().withinAreaId(),
                LiveSessionView.of(session)));
        return new Services(
                new AreaService(db, areaRepo, timelines, scope),
                endpoints,
                assets,
                new CampaignService(db, campaignRepo, assetRepo, areaRepo, endpointRepo, campaignRules, timelines, clock,
                        scope, approvals, sources),
                timelines,
                authenticator,
                devices,
                ingest,
                new PlayQueryService(db, playRepo, endpointRepo, scope),
                new ReportService(db, areaRepo, java.time.ZoneId.of(config.defaultZone()), clock, scope),
                new ReportExports(DEFAULT_ISSUER),
                new CoverageService(db, scope),
                new PlanPreviewService(db, areaRepo, endpointRepo, campaignRepo, scope, mediaRepo, clock,
                        jobs::estimatedReady),
                alerts,
                push,
                jobs,
                new UploadService(db, new UploadRepository(), assets, config.uploadTempDir().resolve("resumable"),
                        config.maxUploadBytes(), clock, scope),
                new TtsService(new EspeakTts(), assets, config.uploadTempDir()),
                People.create(db, areaRepo, scope, config, clock),
                new ScopedJobs(db, mediaRepo, assetRepo, scope),
                new Approval(new ApprovalService(db, approvalRepo, approvals, scope, timelines,
                        campaignRepo, campaignRules), policies,
                        new AlertReviews(db, alertRepo, reviewRepo, scope, clock)),
                audit,
                live,
                new Lifecycle(db, new LifecycleRepository(), approvalRepo, endpointRepo, scope, timelines),
                evidence, agentLink, onAir, sources);
    }

    /** tls.mode=local-ca: makes the CA on first start; its fingerprint goes out with every enrollment code. */
    private static String localCaFingerprint(TrustConfig trust) {
        if (trust.localCaDir() == null) {
            return null;
        }
        try {
            String fingerprint = vn.bantin.security.LocalCa.ensure(trust.localCaDir(), trust.localCaNames())
                    .fingerprint();
            LoggerFactory.getLogger(Services.class).info("Local CA {} for {}, fingerprint {} (agents:"
                    + " controller.ca.fingerprint)", trust.localCaCert(), trust.localCaNames(), fingerprint);
            return fingerprint;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot make the local CA in " + trust.localCaDir(), e);
        }
    }
}
