package vn.bantin.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Server-sent event streams: the headers (never compressed, so each event leaves at once), then a comment every
 * 15 s so proxies and mobile networks keep the stream open, and one clean-up when it closes or ends.
 */
public final class EventStreamResponse {

    private static final long KEEPALIVE_MS = 15_000;

    private EventStreamResponse() {
    }

    /** Starts the stream with a first comment line, e.g. ": bantin live events\n\n". */
    public static HttpServerResponse open(RoutingContext ctx, String greeting) {
        HttpServerResponse res = ctx.response().setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
                .putHeader("X-Accel-Buffering", "no");
        res.write(greeting);
        return res;
    }

    /** Keeps the stream alive; {@code onGone} runs once, when the client leaves or the stream ends. */
    public static void keepAliveUntilGone(Vertx vertx, HttpServerResponse res, Runnable onGone) {
        long timer = vertx.setPeriodic(KEEPALIVE_MS, t -> {
            if (!res.ended() && !res.closed()) {
                res.write(": keep-alive\n\n");
            }
        });
        boolean[] gone = {false};
        Runnable cleanUp = () -> {
            if (!gone[0]) {
                gone[0] = true;
                vertx.cancelTimer(timer);
                onGone.run();
            }
        };
        res.closeHandler(v -> cleanUp.run());
        res.endHandler(v -> cleanUp.run());
    }
}
