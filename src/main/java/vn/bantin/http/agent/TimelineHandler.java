package vn.bantin.http.agent;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.app.SignedTimeline;
import vn.bantin.app.TimelineService;
import vn.bantin.app.evidence.TimelineDeliveries;
import vn.bantin.http.Blocking;
import vn.bantin.security.TimelineSigner;

/**
 * GET /agent/v1/timeline: the signed body bytes, with ETag and 304 when unchanged. Once a body has been
 * written to the device, the delivery is logged (which expected plays it now holds).
 */
public final class TimelineHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TimelineHandler.class);

    private final TimelineService timelines;
    private final TimelineDeliveries deliveries;
    private final Blocking blocking;

    public TimelineHandler(TimelineService timelines, TimelineDeliveries deliveries, Blocking blocking) {
        this.timelines = timelines;
        this.deliveries = deliveries;
        this.blocking = blocking;
    }

    public void handle(RoutingContext ctx) {
        var device = AgentAuthHandler.device(ctx);
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        blocking.run(() -> timelines.signedFor(device.endpointId())).onSuccess(t -> send(ctx, t, ifNoneMatch,
                () -> blocking.run(() -> {
                    deliveries.fetched(device.endpointId(), device.deviceId(), t);
                    return null;
                }).onFailure(e -> LOG.error("timeline delivery to endpoint {} not logged", device.endpointId(), e))))
                .onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, SignedTimeline t, String ifNoneMatch, Runnable delivered) {
        ctx.response().putHeader("ETag", t.etag());
        if (TimelineSigner.notModified(ifNoneMatch, t.etag())) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-Bantin-Signature", t.signature()).end(Buffer.buffer(t.body()))
                .onSuccess(v -> delivered.run());
    }
}
