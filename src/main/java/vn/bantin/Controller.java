package vn.bantin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.app.Services;
import vn.bantin.stream.LiveStreams;
import vn.bantin.config.BantinConfig;
import vn.bantin.config.EvidenceConfig;
import vn.bantin.http.HttpVerticle;
import vn.bantin.http.access.OperationPermissions;
import vn.bantin.security.AdminCredential;
import vn.bantin.security.SetupTokenFile;
import vn.bantin.store.Database;

import io.vertx.ext.web.Route;

import java.nio.file.Files;
import java.util.List;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A running controller: its database, services and HTTP verticle, stopped in reverse order. */
public final class Controller {

    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
    private static final long UPLOAD_SWEEP_MS = 60 * 60 * 1000;
    private static final long PRESENCE_SWEEP_MAX_MS = 15_000;
    /** A live session opened but given no audio for this long has failed (the speaker's page went away). */
    private static final java.time.Duration OPEN_WITHOUT_AUDIO = java.time.Duration.ofMinutes(2);

    private final Vertx vertx;
    private final Database db;
    private final Services services;
    private final HttpVerticle http;

    private Controller(Vertx vertx, Database db, Services services, HttpVerticle http) {
        this.vertx = vertx;
        this.db = db;
        this.services = services;
        this.http = http;
    }

    public static Future<Controller> start(Vertx vertx, BantinConfig config) {
        return start(vertx, config, Clock.systemUTC());
    }

    /** With the clock every service reads (tests move it to see days pass). */
    public static Future<Controller> start(Vertx vertx, BantinConfig config, Clock clock) {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(config.dataDir());
            Files.createDirectories(config.uploadTempDir());
            return Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        }).compose(db -> {
            try {
                Optional<AdminCredential> admin = adminCredential(config);
                Services services = Services.create(vertx, db, config, clock, LiveStreams.of(config));
                HttpVerticle http = new HttpVerticle(config, services, admin);
                return vertx.executeBlocking(() -> {
                    offerSetup(services, config, admin.isPresent());
                    services.jobs().start();
                    services.uploads().sweep();
                    services.presence().resume();
                    services.onAir().sessions().expire(true, OPEN_WITHOUT_AUDIO);
                    return null;
                }).compose(x -> vertx.deployVerticle(http))
                        .map(id -> {
                            vertx.setPeriodic(UPLOAD_SWEEP_MS, t -> vertx.executeBlocking(services.uploads()::sweep));
                            keepEvidence(vertx, services, config.evidence());
                            vertx.setPeriodic(OPEN_WITHOUT_AUDIO.toMillis() / 4, t -> vertx.executeBlocking(() -> {
                                services.onAir().sessions().expire(false, OPEN_WITHOUT_AUDIO);
                                return null;
                            }, false));
                            long sweep = Math.max(250, Math.min(PRESENCE_SWEEP_MAX_MS,
                                    config.agentLink().offlineAfter().toMillis() / 4));
                            vertx.setPeriodic(sweep, t -> vertx.executeBlocking(() -> {
                                services.presence().sweep();
                                return null;
                            }));
                            return new Controller(vertx, db, services, http);
                        })
                        .onFailure(e -> {
                            services.jobs().close();
                            db.close();
                        });
            } catch (Exception e) {
                db.close();
                return Future.failedFuture(e);
            }
        }).onSuccess(c -> LOG.info("Bantin controller listening on {}://{}:{}/", config.trust().tls() ? "https" : "http",
                config.host(), c.port()));
    }

    /**
     * The plan is recorded at startup and on a period (an hour by default), so the horizon stays filled with
     * no change and no pull; expected plays that ended without a record are classified on another.
     */
    private static void keepEvidence(Vertx vertx, Services services, EvidenceConfig every) {
        Runnable record = () -> vertx.executeBlocking(() -> {
            services.evidence().plans().recordAll();
            return null;
        }, false).onFailure(e -> LOG.error("recording the plan failed", e));
        record.run();
        vertx.setPeriodic(every.planRefresh().toMillis(), t -> record.run());
        vertx.setPeriodic(every.classifyEvery().toMillis(), t -> vertx.executeBlocking(services.evidence().classifier()::run, false)
                .onFailure(e -> LOG.error("classifying expected plays failed", e)));
    }

    private static Optional<AdminCredential> adminCredential(BantinConfig config) {
        if (config.adminToken() != null) {
            return Optional.of(AdminCredential.fromConfigured(config.adminToken()));
        }
        if (config.access().adminTokenFile() != null) {
            return Optional.of(AdminCredential.fromFile(config.access().adminTokenFile()));
        }
        return AdminCredential.loadExisting(config.dataDir());
    }

    /** With nobody to sign in yet, a one-time setup token waits in a private file; its value is never logged. */
    private static void offerSetup(Services services, BantinConfig config, boolean hasAdminToken) {
        if (hasAdminToken || !services.firstAdmin().needed()) {
            return;
        }
        SetupTokenFile file = new SetupTokenFile(config.dataDir());
        file.ensure();
        LOG.warn("No user yet. Make the first admin with the one-time setup token in {} (readable by the"
                + " controller's account only) through POST /api/v1/setup, or stop the controller and run it with"
                + " create-admin --username NAME", file.path());
    }

    /** Every management operation with the permission its route declared. */
    public OperationPermissions permissions() {
        return http.permissions();
    }

    public int port() {
        return http.actualPort();
    }

    /** The application services (benchmarks build their baselines on the same ones). */
    public Services services() {
        return services;
    }

    /** The HTTP routes this controller serves. */
    public List<Route> routes() {
        return http.routes();
    }

    /**
     * Ends live sessions on air (their recordings kept) and stops the streaming server if it is ours, stops media jobs (unfinished ones resume on the next start), closes HTTP, then the database (HSQLDB
     * SHUTDOWN), waiting a bounded time for each.
     */
    public void stop() {
        services.onAir().broadcasts().close();
        services.jobs().close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
        db.close();
    }
}
