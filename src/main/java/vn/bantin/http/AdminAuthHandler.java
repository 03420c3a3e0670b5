package vn.bantin.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Predicate;

/** Guards the management API: a bearer token matching the admin credential, else 401. */
public final class AdminAuthHandler implements Handler<RoutingContext> {

    private final Predicate<String> tokenMatches;

    public AdminAuthHandler(Predicate<String> tokenMatches) {
        this.tokenMatches = tokenMatches;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ") && tokenMatches.test(header.substring(7).trim())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"bantin\"");
        Responses.error(ctx, 401, "unauthorized",
                "Cần mã quản trị (Authorization: Bearer ...) / Admin token required");
    }
}
