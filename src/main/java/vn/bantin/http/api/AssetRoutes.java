package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import vn.bantin.app.ApiException;
import vn.bantin.app.AssetService;
import vn.bantin.domain.Asset;
import vn.bantin.http.Blocking;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.store.StoredAsset;

import java.nio.file.Path;

public final class AssetRoutes {

    private final AssetService assets;
    private final Blocking blocking;
    private final BodyHandler uploadBody;

    /** uploadBody streams multipart files to disk under the upload temp dir, never whole into memory. */
    public AssetRoutes(AssetService assets, Blocking blocking, BodyHandler uploadBody) {
        this.assets = assets;
        this.blocking = blocking;
        this.uploadBody = uploadBody;
    }

    public void mount(Router router) {
        router.post("/api/v1/assets").handler(uploadBody).handler(this::upload);
        router.get("/api/v1/assets").handler(this::list);
        router.get("/api/v1/assets/:id").handler(this::get);
        router.post("/api/v1/assets/:id/approve").handler(ctx -> approve(ctx, true));
        router.post("/api/v1/assets/:id/unapprove").handler(ctx -> approve(ctx, false));
    }

    private void upload(RoutingContext ctx) {
        FileUpload file = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("missing_file",
                        "Thiếu tệp (trường 'file' trong multipart/form-data) / Multipart field 'file' is required"));
        String name = ctx.request().getFormAttribute("name");
        String originalName = name != null && !name.isBlank() ? name : file.fileName();
        Path temp = Path.of(file.uploadedFileName());
        blocking.respond(ctx, () -> assets.upload(temp, originalName), (c, up) ->
                Responses.json(c, up.duplicate() ? 200 : 201, toJson(up.asset()).put("duplicate", up.duplicate())));
    }

    private void list(RoutingContext ctx) {
        blocking.json(ctx, () -> assets.all().stream().map(AssetRoutes::toJson).toList());
    }

    private void get(RoutingContext ctx) {
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(assets.get(id)));
    }

    private void approve(RoutingContext ctx, boolean approved) {
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> toJson(assets.approve(id, approved)));
    }

    static JsonObject toJson(StoredAsset s) {
        Asset a = s.asset();
        return new JsonObject().put("id", a.id()).put("sha256", a.sha256()).put("name", a.name())
                .put("kind", a.kind().name()).put("sizeBytes", a.sizeBytes()).put("durationMs", a.durationMs())
                .put("format", s.formatName()).put("videoCodec", s.videoCodec()).put("audioCodec", s.audioCodec())
                .put("width", s.width()).put("height", s.height()).put("approved", a.approved())
                .put("expiresAt", a.expiresAt() == null ? null : a.expiresAt().toEpochMilli())
                .put("createdAt", s.createdAt());
    }
}
