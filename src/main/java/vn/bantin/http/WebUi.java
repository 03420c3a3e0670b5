package vn.bantin.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The built web UI (classpath {@code webroot/}, made by the front-end build): content-hashed files under
 * /assets/ are cached for a year; the page itself is revalidated on every load so a new release shows at once.
 * Any other GET for a page path (no file extension, outside the APIs) gets the page: the UI routes in the
 * browser.
 */
final class WebUi {

    private static final String ROOT = "webroot";
    private static final long YEAR_SECONDS = 365L * 24 * 3600;

    private WebUi() {
    }

    static void mount(Router router) {
        router.route("/assets/*").handler(StaticHandler.create(ROOT + "/assets").setMaxAgeSeconds(YEAR_SECONDS)
                .setSendVaryHeader(true));
        router.route("/*").handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                if (isPage(ctx)) {
                    ctx.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache");
                }
            });
            ctx.next();
        });
        router.route("/*").handler(StaticHandler.create(ROOT).setCachingEnabled(false).setIndexPage("index.html"));
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> {
            if (isPage(ctx)) {
                ctx.reroute(ctx.request().method(), "/index.html");
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isPage(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return !path.startsWith("/api/") && !path.startsWith("/agent/") && !path.startsWith("/assets/")
                && (path.equals("/") || path.equals("/index.html") || path.lastIndexOf('.') < path.lastIndexOf('/'));
    }
}
