package vn.bantin.http.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import vn.bantin.access.Actor;
import vn.bantin.app.Services;
import vn.bantin.http.Blocking;
import vn.bantin.http.Transport;
import vn.bantin.http.ListPage;

/**
 * The baseline of ops/bench/security: the endpoint list answered by the same service, JSON and paging as
 * GET /api/v1/endpoints, on its own loopback server (the controller's HTTP options) with no authentication,
 * role gate, area scoping, OpenAPI validation, audit or security headers in front of it. Bench code only.
 */
public final class BareRoutes {

    private BareRoutes() {
    }

    public static Future<HttpServer> start(Vertx vertx, Services services) {
        Router router = Router.router(vertx);
        Blocking blocking = new Blocking(vertx);
        router.get("/bare/endpoints").handler(ctx -> blocking.respond(ctx, () -> services.endpoints()
                .all(Actor.adminToken()).stream().map(EndpointRoutes::toJson).toList(), ListPage::ok));
        return vertx.createHttpServer(Transport.baseOptions()).requestHandler(router).listen(0, "127.0.0.1");
    }
}
