package vn.bantin.http.agent;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.app.DeviceAuthenticator;
import vn.bantin.app.PushHub;
import vn.bantin.http.Blocking;
import vn.bantin.http.Responses;
import vn.bantin.store.EndpointRepository.DeviceRow;

/**
 * {@code GET /agent/v1/stream}: after the device signature on the upgrade request is verified (like
 * every agent call, empty body), the connection becomes a WebSocket that receives push messages.
 * Agents send nothing on it; Vert.x answers pings.
 */
public final class StreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHandler.class);

    private final DeviceAuthenticator authenticator;
    private final PushHub hub;
    private final Blocking blocking;

    public StreamHandler(DeviceAuthenticator authenticator, PushHub hub, Blocking blocking) {
        this.authenticator = authenticator;
        this.hub = hub;
        this.blocking = blocking;
    }

    /** Authenticates like {@link AgentAuthHandler}, with the request paused so it can still be upgraded. */
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        blocking.run(() -> authenticator.authenticate(request.method().name(), request.uri(), request::getHeader,
                new byte[0])).onSuccess(device -> upgrade(ctx, device)).onFailure(e -> {
                    request.resume();
                    AgentAuthHandler.refuse(ctx, e, authenticator);
                });
    }

    private void upgrade(RoutingContext ctx, DeviceRow device) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.request().resume();
            Responses.error(ctx, 400, "websocket_required", "Cần nâng cấp WebSocket / WebSocket upgrade required");
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> attach(device, ws))
                .onFailure(e -> LOG.warn("stream upgrade failed for endpoint {}: {}", device.endpointId(),
                        e.getMessage()));
    }

    private void attach(DeviceRow device, ServerWebSocket ws) {
        Runnable disconnect = hub.connect(device.endpointId(), text -> {
            if (!ws.isClosed()) {
                ws.writeTextMessage(text);
            }
        }, () -> ws.close((short) 1008, "revoked"));
        ws.closeHandler(v -> disconnect.run());
        ws.exceptionHandler(e -> ws.close());
        ws.textMessageHandler(text -> { });
    }
}
