package vn.bantin.http.agent;

import io.vertx.ext.web.Router;
import vn.bantin.app.Services;
import vn.bantin.http.Blocking;

/** Agent API v1 (src/main/resources/contract/README.md): one handler per call. */
public final class AgentRoutes {

    private final Services services;
    private final Blocking blocking;

    public AgentRoutes(Services services, Blocking blocking) {
        this.services = services;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.post("/agent/v1/enroll").handler(new EnrollHandler(services.devices(), blocking)::handle);
        AgentAuthHandler auth = new AgentAuthHandler(services.authenticator(), blocking);
        router.get("/agent/v1/timeline").handler(auth)
                .handler(new TimelineHandler(services.timelines(), blocking)::handle);
        router.get("/agent/v1/media/:sha256").handler(auth)
                .handler(new MediaHandler(services.assets(), blocking)::handle);
        router.post("/agent/v1/plays").handler(auth).handler(new PlaysHandler(services.ingest(), blocking)::handle);
        router.post("/agent/v1/heartbeat").handler(auth)
                .handler(new HeartbeatHandler(services.devices(), services.timelines(), blocking)::handle);
        router.get("/agent/v1/stream").handler(auth).handler(new StreamHandler(services.push())::handle);
    }
}
