package vn.bantin.http.agent;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.DeviceService;
import vn.bantin.app.TimelineService;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;

/**
 * POST /agent/v1/heartbeat: remember the device's facts; answer with the server time and the current
 * timeline version, signed by the controller key over the exact body bytes and bound to the request's nonce.
 */
public final class HeartbeatHandler {

    static final String PATH = "/agent/v1/heartbeat";

    private final DeviceService devices;
    private final TimelineService timelines;
    private final Blocking blocking;

    public HeartbeatHandler(DeviceService devices, TimelineService timelines, Blocking blocking) {
        this.devices = devices;
        this.timelines = timelines;
        this.blocking = blocking;
    }

    public void handle(RoutingContext ctx) {
        var device = AgentAuthHandler.device(ctx);
        String facts = JsonInput.of(ctx).raw().encode();
        String nonce = ctx.request().getHeader("X-Bantin-Nonce");
        blocking.run(() -> devices.heartbeat(device, nonce, facts,
                () -> timelines.signedFor(device.endpointId()).version()))
                .onSuccess(answer -> ctx.response().putHeader("Content-Type", "application/json")
                        .putHeader("X-Bantin-Signature", answer.signature()).end(Buffer.buffer(answer.body())))
                .onFailure(ctx::fail);
    }
}
