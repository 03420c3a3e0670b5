package vn.bantin.http;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.live.LiveScope;

/**
 * The area scope of the caller of a management request, for the live views. Today every authenticated caller
 * holds the admin token and sees everything; the people line's principal narrows it to the user's subtree here.
 */
public final class CallerScope {

    private CallerScope() {
    }

    public static LiveScope of(RoutingContext ctx) {
        return LiveScope.EVERYTHING;
    }
}
