package vn.bantin.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/** Runs database and file work off the event loop and routes failures to the router's failure handler. */
public final class Blocking {

    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Future<T> run(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    public <T> void respond(RoutingContext ctx, Callable<T> work, BiConsumer<RoutingContext, T> onSuccess) {
        run(work).onSuccess(v -> {
            try {
                onSuccess.accept(ctx, v);
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        }).onFailure(ctx::fail);
    }

    /** The common case: 200 with the result as JSON. */
    public <T> void json(RoutingContext ctx, Callable<T> work) {
        respond(ctx, work, Responses::ok);
    }
}
