package vn.bantin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.app.Services;
import vn.bantin.config.BantinConfig;
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
    private static final long LIVENESS_SWEEP_MS = 5_000;

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
        return vertx.executeBlocking(() -> {
            Files.createDirectories(config.dataDir());
            Files.createDirectories(config.uploadTempDir());
            return Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        }).compose(db -> {
            try {
                Optional<AdminCredential> admin = adminCredential(config);
                Services services = Services.create(vertx, db, config, Clock.systemUTC());
                HttpVerticle http = new HttpVerticle(config, services, admin);
                return vertx.executeBlocking(() -> {
                    offerSetup(services, config, admin.isPresent());
                    services.jobs().start();
                    services.uploads().sweep();
                    return null;
                }).compose(x -> vertx.deployVerticle(http))
                        .map(id -> {
                            vertx.setPeriodic(UPLOAD_SWEEP_MS, t -> vertx.executeBlocking(services.uploads()::sweep));
                            vertx.setPeriodic(LIVENESS_SWEEP_MS, t -> services.live().endpoints().sweep());
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
        }).onSuccess(c -> LOG.info("Bantin controller listening on http://{}:{}/", config.host(), c.port()));
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
                + " controller's account only): open the web UI, or POST /api/v1/setup", file.path());
    }

    /** Every management operation with the permission its route declared. */
    public OperationPermissions permissions() {
        return http.permissions();
    }

    public int port() {
        return http.actualPort();
    }

    /** The HTTP routes this controller serves. */
    public List<Route> routes() {
        return http.routes();
    }

    /**
     * Stops media jobs (unfinished ones resume on the next start), closes HTTP, then the database (HSQLDB
     * SHUTDOWN), waiting a bounded time for each.
     */
    public void stop() {
        services.jobs().close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
        db.close();
    }
}
