package vn.bantin.http;

import vn.bantin.app.ApiException;
import vn.bantin.app.TooManyAttempts;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every answer of the controller is written the same way. */
public final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    /** Where the answer's JSON text is kept for the audit trail. */
    public static final String ANSWER = "bantin.answer";

    public static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body);
        ctx.put(ANSWER, text);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
    }

    public static void ok(RoutingContext ctx, Object body) {
        json(ctx, 200, body);
    }

    public static void created(RoutingContext ctx, Object body) {
        json(ctx, 201, body);
    }

    public static void error(RoutingContext ctx, int status, String code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        json(ctx, status, new JsonObject().put("error", message).put("code", code));
    }

    /**
     * A refusal before the body was read (too large, invalid parameters) closes the connection after the answer,
     * so the client neither keeps sending bytes nobody reads nor queues its next request behind them.
     */
    private static void unreadBodyCloses(RoutingContext ctx) {
        if (!ctx.request().isEnded() && !ctx.response().headWritten()) {
            ctx.response().putHeader("Connection", "close");
            ctx.request().resume();
        }
    }

    /** The end of /api and /agent: a path or method the server does not have. */
    public static void noSuchRoute(RoutingContext ctx) {
        error(ctx, 404, "no_such_route", "Không có địa chỉ này / No such route: " + ctx.request().method() + " "
                + ctx.request().path());
    }

    /** 429 with Retry-After in whole seconds. */
    public static void rateLimited(RoutingContext ctx, TooManyAttempts e) {
        ctx.response().putHeader("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
        error(ctx, 429, "rate_limited", e.getMessage());
    }

    /** Router failure handler: ApiExceptions keep their status; anything else is a logged 500. */
    public static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        unreadBodyCloses(ctx);
        if (t instanceof ApiException e) {
            error(ctx, e.status(), e.code(), e.getMessage());
        } else if (t instanceof TooManyAttempts e) {
            rateLimited(ctx, e);
        } else if (ctx.statusCode() == 413) {
            error(ctx, 413, "too_large", "Dữ liệu gửi lên quá lớn / Request body too large");
        } else if (t == null && ctx.statusCode() > 0) {
            error(ctx, ctx.statusCode(), "http_" + ctx.statusCode(), "HTTP " + ctx.statusCode());
        } else {
            LOG.error("Unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), t);
            error(ctx, 500, "internal", "Lỗi máy chủ / Internal server error");
        }
    }
}
