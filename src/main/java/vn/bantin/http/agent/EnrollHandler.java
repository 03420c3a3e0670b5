package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.DeviceAuthenticator;
import vn.bantin.app.DeviceService;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.Responses;

/** POST /agent/v1/enroll: proof of possession of the key in the body, then bind or queue for approval. */
public final class EnrollHandler {

    private final DeviceService devices;
    private final DeviceAuthenticator authenticator;
    private final Blocking blocking;

    public EnrollHandler(DeviceService devices, DeviceAuthenticator authenticator, Blocking blocking) {
        this.devices = devices;
        this.authenticator = authenticator;
        this.blocking = blocking;
    }

    public void handle(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        byte[] body = ctx.body().buffer().getBytes();
        var request = ctx.request();
        DeviceService.EnrollRequest enroll = new DeviceService.EnrollRequest(in.requiredString("publicKey"),
                in.requiredString("kind"), in.optionalString("name"),
                in.object("hardware") == null ? null : in.object("hardware").raw().encode(),
                in.optionalString("enrollmentCode"));
        blocking.run(() -> devices.enroll(enroll, request.method().name(), request.uri(), request::getHeader, body))
                .onSuccess(r -> Responses.ok(ctx, new JsonObject().put("deviceId", r.deviceId())
                        .put("endpointId", r.endpointId()).put("status", r.status().name())
                        .put("controllerPublicKey", r.controllerPublicKey()).put("serverTime", r.serverTime())))
                .onFailure(e -> AgentAuthHandler.refuse(ctx, e, authenticator));
    }
}
