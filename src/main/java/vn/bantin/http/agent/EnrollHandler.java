package vn.bantin.http.agent;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.DeviceAuthenticator;
import vn.bantin.app.DeviceService;
import vn.bantin.app.EnrollmentQueue;
import vn.bantin.http.Blocking;
import vn.bantin.http.access.Actors;
import vn.bantin.http.JsonInput;
import vn.bantin.http.Responses;

/**
 * POST /agent/v1/enroll: proof of possession of the key in the body, then bind or queue for approval, within the
 * queue's bounds (429/503 with Retry-After); the answer is signed by the controller key.
 */
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
        String address = Actors.address(ctx);
        blocking.run(() -> devices.enroll(enroll, address, request.method().name(), request.uri(), request::getHeader,
                        body))
                .onSuccess(answer -> ctx.response().putHeader("Content-Type", "application/json")
                        .putHeader("X-Bantin-Signature", answer.signature()).end(Buffer.buffer(answer.body())))
                .onFailure(e -> refuse(ctx, e));
    }

    private void refuse(RoutingContext ctx, Throwable e) {
        if (e instanceof EnrollmentQueue.Refused r) {
            ctx.response().putHeader("Retry-After", String.valueOf(r.retryAfter().toSeconds()));
            Responses.error(ctx, r.status(), r.code(), r.getMessage());
        } else {
            AgentAuthHandler.refuse(ctx, e, authenticator);
        }
    }
}
