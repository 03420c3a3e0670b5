package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.AlertDraft;
import vn.bantin.app.AlertService;
import vn.bantin.domain.Alert;
import vn.bantin.domain.Asset;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.AlertReviews;
import vn.bantin.http.Blocking;
import vn.bantin.http.ListPage;
import vn.bantin.store.AlertReviewRepository.Review;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

public final class AlertRoutes {

    private final AlertService alerts;
    private final Blocking blocking;
    private final AlertReviews reviews;

    public AlertRoutes(AlertService alerts, Blocking blocking, AlertReviews reviews) {
        this.alerts = alerts;
        this.blocking = blocking;
        this.reviews = reviews;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/alerts", Permission.READ, this::list);
        api.post("/api/v1/alerts", Permission.ALERT_FIRE, this::create);
        api.get("/api/v1/alerts/:id", Permission.READ, this::get);
        api.post("/api/v1/alerts/:id/cancel", Permission.ALERT_FIRE, this::cancel);
        api.post("/api/v1/alerts/:id/review", Permission.CONTENT_APPROVE, this::review);
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> {
            Map<Long, Review> all = reviews.all();
            return alerts.all(actor).stream().map(a -> withReview(toJson(a), Optional.ofNullable(all.get(a.id()))))
                    .toList();
        }, ListPage::ok);
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> withReview(toJson(alerts.get(actor, id)), reviews.of(id)));
    }

    private void create(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        AlertDraft draft = draft(JsonInput.of(ctx));
        blocking.respond(ctx, () -> {
            Alert alert = alerts.create(actor, draft);
            return withReview(toJson(alert), reviews.of(alert.id()));
        }, Responses::created);
    }

    /** {"note"?}: an approver has looked at an alert that went on air without one. */
    private void review(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        String note = ctx.body().length() > 0 ? JsonInput.of(ctx).optionalString("note") : null;
        blocking.json(ctx, () -> {
            Review review = reviews.review(actor, id, note);
            return withReview(toJson(alerts.get(actor, id)), Optional.of(review));
        });
    }

    /** review: null when the alert needs none (fired by someone who may approve), else PENDING or REVIEWED. */
    private static JsonObject withReview(JsonObject alert, Optional<Review> review) {
        return alert.put("review", review.map(r -> new JsonObject().put("status", r.status())
                .put("reviewedBy", r.reviewedBy()).put("reviewedAt", r.reviewedAt()).put("note", r.note()))
                .orElse(null));
    }

    private void cancel(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        String body = ctx.body().asString();
        String by = body == null || body.isBlank() ? null : JsonInput.of(ctx).optionalString("by");
        blocking.json(ctx, () -> toJson(alerts.cancel(actor, id, by)));
    }

    private static AlertDraft draft(JsonInput in) {
        JsonInput targets = in.object("targets");
        if (targets == null) {
            targets = JsonInput.wrap(null);
        }
        return new AlertDraft(in.optionalString("title"), in.optionalLong("audioAssetId"),
                in.optionalLong("visualAssetId"), in.optionalLong("imageSeconds"), in.optionalString("startAt"),
                in.optionalLong("repeat"), in.optionalLong("intervalSeconds"), in.optionalString("endAt"),
                in.optionalLong("volume"), in.optionalString("issuedBy"), targets.longList("areas"),
                targets.stringList("tags"), targets.longList("endpoints"));
    }

    static JsonObject toJson(Alert a) {
        return new JsonObject().put("id", a.id()).put("areaId", a.targets().withinAreaId()).put("title", a.title())
                .put("status", a.status().name())
                .put("audio", asset(a.audio())).put("visual", asset(a.visual()))
                .put("imageSeconds", a.visualDurationMs() / 1000.0)
                .put("start", a.startMs()).put("startAt", iso(a.startMs()))
                .put("repeat", a.repeat()).put("intervalSeconds", a.intervalMs() / 1000.0)
                .put("end", a.endMs()).put("endAt", a.endMs() == null ? null : iso(a.endMs()))
                .put("volume", a.volume())
                .put("createdAt", a.createdAt()).put("createdBy", a.createdBy())
                .put("cancelledAt", a.cancelledAt()).put("cancelledBy", a.cancelledBy())
                .put("targets", new JsonObject().put("areas", new ArrayList<>(a.targets().areaIds()))
                        .put("tags", new ArrayList<>(a.targets().tags()))
                        .put("endpoints", new ArrayList<>(a.targets().endpointIds())));
    }

    private static JsonObject asset(Asset asset) {
        return asset == null ? null : new JsonObject().put("id", asset.id()).put("name", asset.name())
                .put("kind", asset.kind().name()).put("durationMs", asset.durationMs());
    }

    private static String iso(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
