package vn.bantin.http.api;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.MediaJobService;
import vn.bantin.app.ScopedJobs;
import vn.bantin.http.Blocking;
import vn.bantin.http.EventStreamResponse;
import vn.bantin.http.ListPage;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.PathParams;
import vn.bantin.store.MediaJob;

import java.util.function.Predicate;

/**
 * Media jobs: GET /api/v1/jobs (recent), GET /api/v1/jobs/{id}, and server-sent events the UI can draw as
 * progress bars: GET /api/v1/jobs/stream (every job) or /api/v1/jobs/{id}/stream (one job; ends when it does).
 * Each event is {@code event: job} with the job's JSON as data; a comment line every 15 s keeps proxies open.
 */
public final class JobRoutes {

    private final MediaJobService jobs;
    private final ScopedJobs scoped;
    private final Blocking blocking;
    private final Vertx vertx;

    public JobRoutes(MediaJobService jobs, ScopedJobs scoped, Blocking blocking, Vertx vertx) {
        this.jobs = jobs;
        this.scoped = scoped;
        this.blocking = blocking;
        this.vertx = vertx;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/jobs", Permission.READ, this::list);
        api.get("/api/v1/jobs/stream", Permission.READ, ctx -> stream(ctx, null));
        api.get("/api/v1/jobs/:id", Permission.READ, this::get);
        api.get("/api/v1/jobs/:id/stream", Permission.READ, ctx -> stream(ctx, PathParams.id(ctx, "id")));
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> scoped.recent(actor, 100).stream().map(JobRoutes::toJson).toList(), ListPage::ok);
    }

    private void get(RoutingContext ctx) {
        long id = PathParams.id(ctx, "id");
        Actor actor = Actors.of(ctx);
        blocking.json(ctx, () -> toJson(scoped.job(actor, id)));
    }

    /** Only jobs of the caller's scope; a job outside it is 404 before the stream opens. */
    private void stream(RoutingContext ctx, Long jobId) {
        Actor actor = Actors.of(ctx);
        blocking.run(() -> {
            if (jobId != null) {
                scoped.job(actor, jobId);
            }
            return scoped.visibleTo(actor);
        }).onSuccess(visible -> open(ctx, jobId, visible)).onFailure(ctx::fail);
    }

    private void open(RoutingContext ctx, Long jobId, Predicate<MediaJob> visible) {
        HttpServerResponse res = EventStreamResponse.open(ctx, ": bantin job stream\n\n");
        Context context = vertx.getOrCreateContext();
        Runnable unsubscribe = jobs.subscribe(job -> {
            if ((jobId == null || jobId == job.id()) && visible.test(job)) {
                context.runOnContext(v -> send(res, job, jobId != null));
            }
        });
        EventStreamResponse.keepAliveUntilGone(vertx, res, unsubscribe);
        if (jobId != null) {
            blocking.run(() -> jobs.job(jobId)).onSuccess(j -> j.ifPresentOrElse(job -> send(res, job, true),
                    () -> res.end("event: error\ndata: {\"error\":\"not_found\"}\n\n")));
        }
    }

    private static void send(HttpServerResponse res, MediaJob job, boolean endWhenFinished) {
        if (res.ended() || res.closed()) {
            return;
        }
        res.write("event: job\ndata: " + toJson(job).encode() + "\n\n");
        if (endWhenFinished && job.finished()) {
            res.end();
        }
    }

    static JsonObject toJson(MediaJob j) {
        return new JsonObject().put("id", j.id()).put("assetId", j.assetId()).put("task", j.task())
                .put("state", j.state()).put("progress", j.progress()).put("error", j.error())
                .put("createdAt", j.createdAt()).put("updatedAt", j.updatedAt());
    }
}
