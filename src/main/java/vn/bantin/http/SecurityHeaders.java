package vn.bantin.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer, page or API: a content security policy that allows only the server's own scripts,
 * styles and connections (no inline script, no framing), no MIME sniffing, no referrer sent elsewhere. API
 * answers are never stored ({@link WebUi} has the page revalidated on every load).
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private final boolean tls;

    /** Over TLS, browsers are also told to come back only over HTTPS (HSTS, a year). */
    public SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerResponse res = ctx.response();
        res.putHeader("Content-Security-Policy", CSP).putHeader("X-Frame-Options", "DENY")
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
        if (tls) {
            res.putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        String path = ctx.request().path();
        if (path.startsWith("/api/") || path.startsWith("/agent/")) {
            ctx.addHeadersEndHandler(v -> {
                if (!res.headers().contains("Cache-Control")) {
                    res.putHeader("Cache-Control", "no-store");
                }
            });
        }
        ctx.next();
    }
}
