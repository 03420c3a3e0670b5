package vn.bantin.http.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.app.LiveBroadcasts;
import vn.bantin.app.LiveSessionService;
import vn.bantin.app.SessionService;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.http.Blocking;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.http.access.Actors;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/live-sessions/{id}/audio}: the speaker's microphone. A browser session must name its CSRF
 * token ({@code ?csrf=}) and come from this origin, so no other page can open a microphone on the speaker's
 * behalf. Binary messages are MediaRecorder chunks (WebM/Opus) in order; the text {@code {"type":"end"}} ends the
 * session. The server tells the speaker {@code {"type":"status",...session}} on every change and
 * {@code {"type":"endpoint",...}} when an endpoint's state changes (it started playing, refused, went offline).
 */
final class LiveAudioSocket {

    private final LiveSessionService sessions;
    private final LiveBroadcasts broadcasts;
    private final Blocking blocking;

    LiveAudioSocket(LiveSessionService sessions, LiveBroadcasts broadcasts, Blocking blocking) {
        this.sessions = sessions;
        this.broadcasts = broadcasts;
        this.blocking = blocking;
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        request.pause();
        blocking.run(() -> sessions.get(actor, id)).onFailure(e -> {
            request.resume();
            ctx.fail(e);
        }).onSuccess(visible -> {
            if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
                request.resume();
                Responses.error(ctx, 400, "websocket_required", "Cần nâng cấp WebSocket / WebSocket upgrade required");
            } else if (!sameSite(ctx)) {
                request.resume();
                Responses.error(ctx, 403, "csrf", "Thiếu hoặc sai mã chống giả mạo (csrf) hay nguồn gốc trang /"
                        + " Missing or wrong csrf parameter or page origin");
            } else {
                upgrade(ctx, actor, id);
            }
        });
    }

    private void upgrade(RoutingContext ctx, Actor actor, long id) {
        HttpServerRequest request = ctx.request();
        blocking.run(() -> broadcasts.connect(actor, id)).onFailure(e -> {
            request.resume();
            ctx.fail(e);
        }).onSuccess(feed -> request.toWebSocket()
                .onSuccess(ws -> attach(ws, actor, feed))
                .onFailure(e -> feed.lost()));
    }

    private void attach(ServerWebSocket ws, Actor actor, LiveBroadcasts.Feed feed) {
        Map<Long, Reach> told = new ConcurrentHashMap<>();
        Runnable unsubscribe = sessions.onChange(s -> {
            if (s.id() == feed.sessionId()) {
                tell(ws, s, told);
            }
        });
        ws.binaryMessageHandler(chunk -> {
            if (!feed.accept(chunk.getBytes())) {
                ws.close((short) 1011, "behind");
            }
        });
        ws.textMessageHandler(text -> {
            if ("end".equals(type(text))) {
                blocking.run(() -> broadcasts.end(actor, feed.sessionId()));
            }
        });
        ws.closeHandler(v -> {
            unsubscribe.run();
            feed.lost();
        });
        blocking.run(() -> sessions.get(actor, feed.sessionId())).onSuccess(s -> tell(ws, s, told));
    }

    /** The session's state, each endpoint whose state changed since last told, and closing once it is all done. */
    private static void tell(ServerWebSocket ws, LiveSession s, Map<Long, Reach> told) {
        if (ws.isClosed()) {
            return;
        }
        ws.writeTextMessage(LiveSessionRoutes.toJson(s).put("type", "status").encode());
        for (Reach r : s.endpoints()) {
            Reach before = told.put(r.endpointId(), r);
            if (before == null || before.state() != r.state() || !Objects.equals(before.detail(), r.detail())) {
                ws.writeTextMessage(LiveSessionRoutes.toJson(r).put("type", "endpoint").encode());
            }
        }
        if (s.finished() && (s.recordingAssetId() != null || s.status() == LiveSession.Status.FAILED)) {
            ws.close((short) 1000, s.status().name());
        }
    }

    private static String type(String text) {
        try {
            return new JsonObject(text).getString("type");
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    /** Bearer tokens are not sent by browsers on their own: only a cookie session needs the CSRF and origin checks. */
    private static boolean sameSite(RoutingContext ctx) {
        SessionService.Live live = Actors.session(ctx).orElse(null);
        if (live == null) {
            return true;
        }
        String sent = ctx.request().getParam("csrf");
        String origin = ctx.request().getHeader("Origin");
        String host = ctx.request().getHeader("Host");
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                live.csrfToken().getBytes(StandardCharsets.UTF_8)) && origin != null && host != null
                && host.equalsIgnoreCase(hostOf(origin));
    }

    private static String hostOf(String origin) {
        try {
            URI uri = URI.create(origin);
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
