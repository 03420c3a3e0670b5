package vn.bantin.http;

import vn.bantin.app.ApiException;
import io.vertx.ext.web.RoutingContext;

public final class PathParams {

    private PathParams() {
    }

    public static long id(RoutingContext ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_id", "Mã '" + raw + "' không hợp lệ / '" + raw + "' is not a valid id");
        }
    }
}
