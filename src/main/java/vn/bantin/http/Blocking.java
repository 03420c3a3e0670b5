package vn.bantin.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Runs database and file work off the event loop and routes failures to the router's failure handler. Long
 * media work (probing uploads, text-to-speech) runs on a pool of its own, {@link #media()}, so a burst of it
 * never holds up agent calls, logins or alerts on the shared worker pool.
 */
public final class Blocking {

    static final String MEDIA_POOL = "bantin-media";
    static final int MEDIA_THREADS = 4;

    private final Vertx vertx;
    private final WorkerExecutor executor;
    private final Blocking media;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
        this.executor = null;
        this.media = new Blocking(vertx, vertx.createSharedWorkerExecutor(MEDIA_POOL, MEDIA_THREADS));
    }

    private Blocking(Vertx vertx, WorkerExecutor executor) {
        this.vertx = vertx;
        this.executor = executor;
        this.media = this;
    }

    /** The same calls, run on the media pool. */
    public Blocking media() {
        return media;
    }

    public <T> Future<T> run(Callable<T> work) {
        return executor == null ? vertx.executeBlocking(work, false) : executor.executeBlocking(work, false);
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

    /** A change with nothing to answer (a deletion): 204. */
    public void noContent(RoutingContext ctx, Runnable work) {
        respond(ctx, () -> {
            work.run();
            return null;
        }, (c, v) -> c.response().setStatusCode(204).end());
    }
}
