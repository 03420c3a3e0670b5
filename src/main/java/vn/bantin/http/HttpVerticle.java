package vn.bantin.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import vn.bantin.app.Services;
import vn.bantin.config.BantinConfig;
import vn.bantin.http.agent.AgentRoutes;
import vn.bantin.http.api.AlertRoutes;
import vn.bantin.http.api.ApprovalRoutes;
import vn.bantin.http.api.AreaRoutes;
import vn.bantin.http.api.AssetRoutes;
import vn.bantin.http.api.CampaignRoutes;
import vn.bantin.http.api.SourceRoutes;
import vn.bantin.http.api.CommandRoutes;
import vn.bantin.http.api.DashboardRoutes;
import vn.bantin.http.api.MapRoutes;
import vn.bantin.http.api.EventRoutes;
import vn.bantin.http.api.EndpointRoutes;
import vn.bantin.http.api.JobRoutes;
import vn.bantin.http.api.LiveSessionRoutes;
import vn.bantin.http.api.TtsRoutes;
import vn.bantin.http.api.UploadRoutes;
import vn.bantin.http.api.EvidenceRoutes;
import vn.bantin.http.api.PlayRoutes;
import vn.bantin.http.api.PreviewRoutes;
import vn.bantin.http.api.ReportRoutes;
import vn.bantin.http.api.SessionRoutes;
import vn.bantin.http.api.TlsRoutes;
import vn.bantin.http.api.UserRoutes;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.access.AuditHandler;
import vn.bantin.http.api.AuditRoutes;
import vn.bantin.http.api.LifecycleRoutes;
import vn.bantin.http.access.ManagementAuth;
import vn.bantin.http.access.OperationPermissions;
import vn.bantin.access.Permission;
import vn.bantin.http.openapi.OpenApiDocument;
import vn.bantin.http.openapi.RequestValidation;
import vn.bantin.security.AdminCredential;

import java.util.List;
import java.util.Optional;

/** One HTTP server: web UI at /, management API at /api/v1 (sessions, API tokens), agent API at /agent/v1 (device signatures). */
public final class HttpVerticle extends VerticleBase {

    private static final long JSON_BODY_LIMIT = 1024 * 1024;
    private static final long AGENT_BODY_LIMIT = 4 * 1024 * 1024;

    private final BantinConfig config;
    private final Services services;
    private final Optional<AdminCredential> admin;
    private final OperationPermissions permissions = new OperationPermissions();
    private volatile int actualPort;
    private volatile Router router;

    public HttpVerticle(BantinConfig config, Services services, Optional<AdminCredential> admin) {
        this.config = config;
        this.services = services;
        this.admin = admin;
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(OpenApiDocument::load)
                .compose(doc -> OpenApiDocument.contract(vertx, doc).map(contract -> router(doc, contract)))
                .compose(router -> vertx.createHttpServer(Transport.serverOptions(config.trust(), config.host()))
                        .requestHandler(router)
                        .listen(config.port(), config.host()))
                .map(HttpServer::actualPort).onSuccess(p -> actualPort = p);
    }

    private Router router(JsonObject openApi, OpenAPIContract contract) {
        Router router = Router.router(vertx);
        Blocking blocking = new Blocking(vertx);
        String openApiText = openApi.encodePrettily();
        router.route().order(-10).handler(new SecurityHeaders(config.trust().tls()));

        RequestValidation validation = new RequestValidation(vertx, contract);
        ApiRouter api = new ApiRouter(router, permissions, validation);
        api.get("/api/v1/health", Permission.PUBLIC, ctx -> Responses.ok(ctx, new JsonObject().put("status", "ok")));
        api.get("/api/v1/openapi.json", Permission.PUBLIC, ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8").end(openApiText));

        BodyHandler jsonBody = BodyHandler.create(false).setBodyLimit(JSON_BODY_LIMIT);
        BodyHandler uploadBody = BodyHandler.create(config.uploadTempDir().toString())
                .setBodyLimit(config.maxUploadBytes()).setDeleteUploadedFilesOnEnd(true)
                .setHandleFileUploads(true);
        router.route("/api/v1/*").order(-2).handler(new AuditHandler(services.audit(), permissions, blocking));
        router.route("/api/v1/*").order(-1).handler(new ManagementAuth(admin, services.tokens(), services.sessions(),
                services.throttle(), permissions, blocking));
        router.route("/api/v1/*").handler(ctx -> {
            boolean upload = ctx.request().method().name().equals("POST") && ctx.request().path().equals("/api/v1/assets");
            if (upload || UploadRoutes.streamsItsBody(ctx.request()) || LiveSessionRoutes.isAudio(ctx.request().path())) {
                ctx.next();
            } else {
                jsonBody.handle(ctx);
            }
        });
        new SessionRoutes(services.sessions(), services.firstAdmin(), blocking).mount(api);
        new TlsRoutes(config.trust().localCaCert(), blocking).mount(api);
        new UserRoutes(services.users(), services.tokens(), blocking).mount(api);
        new AuditRoutes(services.audit(), blocking).mount(api);
        new LifecycleRoutes(services.lifecycle(), services.endpoints(), blocking).mount(api);
        ApprovalRoutes approvals = new ApprovalRoutes(services.approval().approvals(), blocking);
        new AreaRoutes(services.areas(), blocking, services.approval().policies()).mount(api);
        new EndpointRoutes(services.endpoints(), blocking).mount(api);
        new CommandRoutes(services.commands(), services.presence(), blocking).mount(api);
        new MapRoutes(config.map(), services.live().locations(), blocking).mount(api);
        new AssetRoutes(services.assets(), blocking, uploadBody, approvals).mount(api);
        new UploadRoutes(services.uploads(), services.assets(), blocking, vertx).mount(api);
        new TtsRoutes(services.tts(), services.assets(), blocking).mount(api);
        new JobRoutes(services.jobs(), services.scopedJobs(), blocking, vertx).mount(api);
        new CampaignRoutes(services.campaigns(), blocking, approvals).mount(api);
        new SourceRoutes(services.sources(), blocking).mount(api);
        new AlertRoutes(services.alerts(), blocking, services.approval().alertReviews()).mount(api);
        new PlayRoutes(services.plays(), blocking).mount(api);
        new EvidenceRoutes(services.evidence(), blocking).mount(api);
        new PreviewRoutes(services.previews(), blocking).mount(api);
        new ReportRoutes(services.reports(), services.reportExports(), services.coverage(), blocking).mount(api);
        new EventRoutes(services.live().events(), services.live().dashboard()::scopeOf, blocking, vertx).mount(api);
        new LiveSessionRoutes(services.onAir().sessions(), services.onAir().broadcasts(), blocking).mount(api);
        new DashboardRoutes(services.live().dashboard(), services.live().alerts(), services.alerts(), blocking)
                .mount(api);

        AgentRoutes agentRoutes = new AgentRoutes(services, blocking, config.agentLink().pushPing());
        agentRoutes.mountStream(router);
        router.route("/agent/v1/*").handler(BodyHandler.create(false).setBodyLimit(AGENT_BODY_LIMIT));
        router.route("/agent/v1/enroll").handler(validation);
        agentRoutes.mount(router);

        router.route("/api/*").handler(Responses::noSuchRoute).failureHandler(Responses::failure);
        router.route("/agent/*").handler(Responses::noSuchRoute).failureHandler(Responses::failure);
        WebUi.mount(router);
        this.router = router;
        return router;
    }

    /** What this server answers, for checking it against the OpenAPI document. */
    public List<Route> routes() {
        return router.getRoutes();
    }

    /** Every management operation and the permission its route declared (for the authorisation matrix). */
    public OperationPermissions permissions() {
        return permissions;
    }

    public int actualPort() {
        return actualPort;
    }
}
