package vn.bantin.http.agent;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.SignedTimeline;
import vn.bantin.app.TimelineService;
import vn.bantin.http.Blocking;
import vn.bantin.security.TimelineSigner;

/** GET /agent/v1/timeline: the signed body bytes, with ETag and 304 when unchanged. */
public final class TimelineHandler {

    private final TimelineService timelines;
    private final Blocking blocking;

    public TimelineHandler(TimelineService timelines, Blocking blocking) {
        this.timelines = timelines;
        this.blocking = blocking;
    }

    public void handle(RoutingContext ctx) {
        long endpointId = AgentAuthHandler.device(ctx).endpointId();
        String ifNoneMatch = ctx.request().getHeader("If-None-Match");
        blocking.run(() -> timelines.signedFor(endpointId)).onSuccess(t -> send(ctx, t, ifNoneMatch))
                .onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, SignedTimeline t, String ifNoneMatch) {
        ctx.response().putHeader("ETag", t.etag());
        if (TimelineSigner.notModified(ifNoneMatch, t.etag())) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-Bantin-Signature", t.signature()).end(Buffer.buffer(t.body()));
    }
}
