package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.LiveSourceDraft;
import vn.bantin.app.LiveSourceService;
import vn.bantin.domain.LiveSource;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.ListPage;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

import java.util.function.BiFunction;

/** Live sources (upper-level stations) a campaign's STREAM slot relays: {@code /api/v1/sources}. */
public final class SourceRoutes {

    private final LiveSourceService sources;
    private final Blocking blocking;

    public SourceRoutes(LiveSourceService sources, Blocking blocking) {
        this.sources = sources;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/sources", Permission.READ, this::list);
        api.post("/api/v1/sources", Permission.CONTENT_WRITE, this::create);
        api.get("/api/v1/sources/:id", Permission.READ, ctx -> one(ctx, sources::get));
        api.put("/api/v1/sources/:id", Permission.CONTENT_WRITE, this::update);
        api.post("/api/v1/sources/:id/archive", Permission.CONTENT_WRITE, ctx -> one(ctx, sources::archive));
        api.post("/api/v1/sources/:id/restore", Permission.CONTENT_WRITE, ctx -> one(ctx, sources::restore));
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> sources.all(actor).stream().map(SourceRoutes::toJson).toList(), ListPage::ok);
    }

    private void create(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        LiveSourceDraft draft = draft(JsonInput.of(ctx));
        blocking.respond(ctx, () -> sources.create(actor, draft), (c, s) -> Responses.created(c, toJson(s)));
    }

    private void update(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        LiveSourceDraft draft = draft(JsonInput.of(ctx));
        blocking.json(ctx, () -> toJson(sources.update(actor, id, draft)));
    }

    private void one(RoutingContext ctx, BiFunction<Actor, Long, LiveSource> action) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(action.apply(actor, id)));
    }

    private static LiveSourceDraft draft(JsonInput in) {
        return new LiveSourceDraft(in.requiredString("name"), in.requiredString("url"), in.optionalString("description"),
                in.optionalLong("fallbackAssetId"));
    }

    static JsonObject toJson(LiveSource s) {
        return new JsonObject().put("id", s.id()).put("name", s.name()).put("url", s.url()).put("kind", s.kind().name())
                .put("description", s.description()).put("areaId", s.areaId())
                .put("fallbackAsset", s.fallback() == null ? null : new JsonObject().put("id", s.fallback().id())
                        .put("name", s.fallback().name()).put("kind", s.fallback().kind().name())
                        .put("durationMs", s.fallback().durationMs()))
                .put("archived", s.archived()).put("createdAt", s.createdAt()).put("updatedAt", s.updatedAt());
    }
}
