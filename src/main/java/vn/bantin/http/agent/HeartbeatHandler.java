package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.DeviceService;
import vn.bantin.app.TimelineService;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.Responses;

/** POST /agent/v1/heartbeat: remember the device's facts, answer with server time and current timeline version. */
public final class HeartbeatHandler {

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
        JsonObject heartbeat = JsonInput.of(ctx).raw();
        blocking.run(() -> {
            devices.heartbeat(device.endpointId(), heartbeat.encode());
            return timelines.signedFor(device.endpointId()).version();
        }).onSuccess(version -> Responses.ok(ctx, new JsonObject().put("serverTime", System.currentTimeMillis())
                .put("timelineVersion", version))).onFailure(ctx::fail);
    }
}
