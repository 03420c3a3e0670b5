package vn.bantin.http.agent;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.ApiException;
import vn.bantin.app.DeviceAuthenticator;
import vn.bantin.http.Blocking;
import vn.bantin.http.Responses;
import vn.bantin.security.ServerTimeStatement;
import vn.bantin.store.EndpointRepository.DeviceRow;

/** Authenticates every agent call as one device (contract: request signing); 401 with signed server time otherwise. */
public final class AgentAuthHandler implements Handler<RoutingContext> {

    static final String DEVICE = "bantin.device";

    private final DeviceAuthenticator authenticator;
    private final Blocking blocking;

    public AgentAuthHandler(DeviceAuthenticator authenticator, Blocking blocking) {
        this.authenticator = authenticator;
        this.blocking = blocking;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        var request = ctx.request();
        blocking.run(() -> authenticator.authenticate(request.method().name(), request.uri(), request::getHeader,
                bytes)).onSuccess(device -> {
                    ctx.put(DEVICE, device);
                    ctx.next();
                }).onFailure(e -> refuse(ctx, e, authenticator));
    }

    /** Every refusal carries the server time, signed and bound to the refused request's nonce. */
    static void refuse(RoutingContext ctx, Throwable e, DeviceAuthenticator authenticator) {
        DeviceAuthenticator.SignedTime time = authenticator.serverTime(ctx.request().getHeader("X-Bantin-Nonce"));
        ctx.response().putHeader(ServerTimeStatement.TIME_HEADER, String.valueOf(time.serverTime()))
                .putHeader(ServerTimeStatement.SIGNATURE_HEADER, time.signature());
        if (e instanceof ApiException a) {
            Responses.error(ctx, a.status(), a.code(), a.getMessage());
        } else {
            ctx.fail(e);
        }
    }

    static DeviceRow device(RoutingContext ctx) {
        return ctx.get(DEVICE);
    }
}
