package vn.bantin.http.agent;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.app.Services;
import vn.bantin.http.Blocking;
import vn.bantin.http.Responses;
import vn.bantin.store.EndpointRepository.DeviceRow;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /agent/v1/stream}: after the device signature on the upgrade request is verified (like
 * every agent call, empty body), the connection becomes a WebSocket carrying push messages and signed
 * commands to the agent, heartbeats from it. The controller pings it on an interval: the pong counts as
 * contact, and a link that stops answering is closed.
 */
public final class StreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamHandler.class);
    private static final int SILENT_PINGS = 3;

    private final Services services;
    private final Blocking blocking;
    private final long pingMs;

    public StreamHandler(Services services, Blocking blocking, Duration ping) {
        this.services = services;
        this.blocking = blocking;
        this.pingMs = ping.toMillis();
    }

    /** Authenticates like {@link AgentAuthHandler}, with the request paused so it can still be upgraded. */
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        blocking.run(() -> services.authenticator().authenticate(request.method().name(), request.uri(),
                request::getHeader, new byte[0])).onSuccess(device -> upgrade(ctx, device)).onFailure(e -> {
                    request.resume();
                    AgentAuthHandler.refuse(ctx, e, services.authenticator());
                });
    }

    private void upgrade(RoutingContext ctx, DeviceRow device) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.request().resume();
            Responses.error(ctx, 400, "websocket_required", "Cần nâng cấp WebSocket / WebSocket upgrade required");
            return;
        }
        ctx.request().toWebSocket().onSuccess(ws -> attach(ctx, device, ws))
                .onFailure(e -> LOG.warn("stream upgrade failed for endpoint {}: {}", device.endpointId(),
                        e.getMessage()));
    }

    private void attach(RoutingContext ctx, DeviceRow device, ServerWebSocket ws) {
        long endpointId = device.endpointId();
        Runnable disconnect = services.push().connect(endpointId, text -> {
            if (!ws.isClosed()) {
                ws.writeTextMessage(text);
            }
        }, () -> ws.close((short) 1008, "revoked"));
        AtomicLong lastPong = new AtomicLong(System.currentTimeMillis());
        long timer = ctx.vertx().setPeriodic(pingMs, t -> {
            if (System.currentTimeMillis() - lastPong.get() > SILENT_PINGS * pingMs) {
                LOG.info("endpoint {} stopped answering pings; closing its stream", endpointId);
                ws.close();
            } else if (!ws.isClosed()) {
                ws.writePing(Buffer.buffer());
            }
        });
        ws.pongHandler(b -> {
            lastPong.set(System.currentTimeMillis());
            contact(endpointId);
        });
        StreamInbox inbox = new StreamInbox(device, services.authenticator(), services.devices(), services.timelines(),
                blocking, text -> {
                    if (!ws.isClosed()) {
                        ws.writeTextMessage(text);
                    }
                });
        ws.textMessageHandler(text -> {
            lastPong.set(System.currentTimeMillis());
            inbox.handle(text);
        });
        ws.closeHandler(v -> {
            ctx.vertx().cancelTimer(timer);
            disconnect.run();
        });
        ws.exceptionHandler(e -> ws.close());
        blocking.run(() -> {
            services.commands().deliver(endpointId);
            return null;
        });
    }

    private void contact(long endpointId) {
        if (services.presence().isOnline(endpointId)) {
            services.presence().seen(endpointId);
        } else {
            blocking.run(() -> {
                services.presence().seen(endpointId);
                return null;
            });
        }
    }
}
