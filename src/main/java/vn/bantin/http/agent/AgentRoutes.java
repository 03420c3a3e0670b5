package vn.bantin.http.agent;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.DeviceMedia;
import vn.bantin.app.Services;
import vn.bantin.http.Blocking;

import java.time.Duration;

/** Agent API v1 (src/main/resources/contract/README.md): one handler per call. */
public final class AgentRoutes {

    private final Services services;
    private final Blocking blocking;
    private final Duration pushPing;

    public AgentRoutes(Services services, Blocking blocking, Duration pushPing) {
        this.services = services;
        this.blocking = blocking;
        this.pushPing = pushPing;
    }

    /**
     * The push stream, mounted before any body handler: the upgrade request must stay unread (and
     * paused by the router) while its signature is checked off the event loop.
     */
    public void mountStream(Router router) {
        router.get("/agent/v1/stream").handler(new StreamHandler(services, blocking, pushPing)::handle);
    }

    public void mount(Router router) {
        router.post("/agent/v1/enroll").handler(new EnrollHandler(services.devices(), services.authenticator(),
                blocking)::handle);
        AgentAuthHandler auth = new AgentAuthHandler(services.authenticator(), blocking);
        router.get("/agent/v1/timeline").handler(auth).handler(this::announceFetch)
                .handler(new TimelineHandler(services.timelines(), services.evidence().deliveries(), blocking)::handle);
        router.get("/agent/v1/media/:sha256").handler(auth)
                .handler(new MediaHandler(services.assets(), new DeviceMedia(services.timelines()), blocking)::handle);
        router.post("/agent/v1/plays").handler(auth).handler(new PlaysHandler(services.ingest(), blocking)::handle);
        router.post(HeartbeatHandler.PATH).handler(auth)
                .handler(new HeartbeatHandler(services.devices(), services.timelines(), blocking)::handle);
        CommandResultHandler commands = new CommandResultHandler(services.commands(), blocking);
        router.post("/agent/v1/commands/:id/result").handler(auth).handler(commands::result);
        router.post("/agent/v1/commands/:id/screenshot").handler(auth).handler(commands::screenshot);
    }

    /**
     * Once the timeline has gone out, the alerts it holds count as delivered to that endpoint (that is stored, so
     * it is done off the event loop), and screens learn what the endpoint will play.
     */
    private void announceFetch(RoutingContext ctx) {
        long endpointId = AgentAuthHandler.device(ctx).endpointId();
        ctx.addBodyEndHandler(v -> {
            if (ctx.response().getStatusCode() < 400) {
                blocking.run(() -> {
                    services.live().alerts().timelineFetched(endpointId);
                    services.live().schedules().fetched(endpointId);
                    return null;
                });
            }
        });
        ctx.next();
    }
}
