package vn.bantin.http.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import vn.bantin.app.ApiException;
import vn.bantin.app.AssetPlayback;
import vn.bantin.app.AssetService;
import vn.bantin.app.AssetView;
import vn.bantin.domain.Asset;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.ListPage;
import vn.bantin.http.RangedFile;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.store.ApprovalRepository.Kind;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.media.SafeFileName;
import vn.bantin.schedule.TimelineJson;
import vn.bantin.store.AssetMedia;
import vn.bantin.store.Rendition;
import vn.bantin.store.StoredAsset;

import java.nio.file.Path;

public final class AssetRoutes {

    private final AssetService assets;
    private final Blocking blocking;
    private final BodyHandler uploadBody;

    /** uploadBody streams multipart files to disk under the upload temp dir, never whole into memory. */
    private final ApprovalRoutes approvals;

    public AssetRoutes(AssetService assets, Blocking blocking, BodyHandler uploadBody, ApprovalRoutes approvals) {
        this.approvals = approvals;
        this.assets = assets;
        this.blocking = blocking;
        this.uploadBody = uploadBody;
    }

    public void mount(ApiRouter api) {
        api.post("/api/v1/assets", Permission.CONTENT_WRITE, uploadBody, this::upload);
        api.get("/api/v1/assets", Permission.READ, this::list);
        api.get("/api/v1/assets/:id", Permission.READ, this::get);
        api.get("/api/v1/assets/:id/thumbnail", Permission.READ, this::thumbnail);
        api.get("/api/v1/assets/:id/media", Permission.READ, this::media);
        approvals.mount(api, "/api/v1/assets", Kind.ASSET, (actor, id) -> toJson(assets.get(actor, id)));
    }

    private void upload(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        FileUpload file = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("missing_file",
                        "Thiếu tệp (trường 'file' trong multipart/form-data) / Multipart field 'file' is required"));
        String name = ctx.request().getFormAttribute("name");
        // a typed name is kept whole ("57-NQ/TW"); a file name loses the folders a client may send with it
        String originalName = name != null && !name.isBlank() ? name : SafeFileName.of(file.fileName());
        Path temp = Path.of(file.uploadedFileName());
        blocking.media().respond(ctx, () -> uploaded(assets, actor, assets.upload(actor, temp, originalName)),
                (c, json) -> Responses.json(c, json.getBoolean("duplicate") ? 200 : 201, json));
    }

    /** The answer to any upload (multipart, resumable, text-to-speech): the asset and whether it was known. */
    static JsonObject uploaded(AssetService assets, Actor actor, AssetService.Uploaded up) {
        return toJson(assets.get(actor, up.asset().asset().id())).put("duplicate", up.duplicate());
    }

    private void thumbnail(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.respond(ctx, () -> assets.preview(actor, id), (c, file) -> {
            if (file.isEmpty()) {
                Responses.error(c, 404, "no_preview", "Chưa có ảnh xem trước (đang xử lý hoặc lỗi)"
                        + " / No preview yet (still processing, or processing failed)");
            } else {
                c.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "max-age=86400")
                        .sendFile(file.get().toString());
            }
        });
    }

    /** The asset as people will hear or see it, for the player in the page (byte ranges, so it can seek). */
    private void media(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.respond(ctx, () -> assets.playable(actor, id).map(p -> new Sized(p, assets.file(p.sha256())
                .orElseThrow())), (c, found) -> {
            if (found.isEmpty()) {
                Responses.error(c, 404, "no_media", "Tệp nội dung không còn trên máy chủ / The media file is gone");
                return;
            }
            Sized f = found.get();
            c.response().putHeader("Cache-Control", "private, max-age=300");
            RangedFile.send(c, f.path(), f.size(), f.playable().contentType());
        });
    }

    private record Sized(AssetPlayback.Playable playable, Path path, long size) {
        Sized(AssetPlayback.Playable playable, Path path) {
            this(playable, path, path.toFile().length());
        }
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> assets.all(actor).stream().map(v -> approvals.withApproval(actor, Kind.ASSET,
                v.stored().asset().id(), toJson(v))).toList(), ListPage::ok);
    }

    private void get(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        blocking.json(ctx, () -> approvals.withApproval(actor, Kind.ASSET, id, toJson(assets.get(actor, id))));
    }


    static JsonObject toJson(AssetView v) {
        StoredAsset s = v.stored();
        Asset a = s.asset();
        JsonObject o = new JsonObject().put("id", a.id()).put("areaId", s.areaId()).put("sha256", a.sha256())
                .put("name", a.name())
                .put("kind", a.kind().name()).put("sizeBytes", a.sizeBytes()).put("durationMs", a.durationMs())
                .put("format", s.formatName()).put("videoCodec", s.videoCodec()).put("audioCodec", s.audioCodec())
                .put("width", s.width()).put("height", s.height()).put("approved", a.approved())
                .put("expiresAt", a.expiresAt() == null ? null : a.expiresAt().toEpochMilli())
                .put("createdAt", s.createdAt());
        AssetMedia m = v.media();
        if (m != null) {
            o.put("status", m.status()).put("failureReason", m.failureReason())
                    .put("loudness", m.loudnessLufs() == null ? null : new JsonObject()
                            .put("integratedLufs", m.loudnessLufs()).put("truePeakDbtp", m.truePeakDbtp())
                            .put("rangeLu", m.loudnessRangeLu()))
                    .put("thumbnailUrl", m.previewSha256() == null ? null : "/api/v1/assets/" + a.id() + "/thumbnail");
        }
        JsonArray renditions = new JsonArray();
        for (Rendition r : v.renditions()) {
            renditions.add(new JsonObject().put("profile", r.profile()).put("sha256", r.sha256())
                    .put("sizeBytes", r.sizeBytes()).put("durationMs", r.durationMs())
                    .put("videoCodec", r.videoCodec()).put("audioCodec", r.audioCodec()).put("width", r.width())
                    .put("height", r.height()).put("loudnessLufs", r.loudnessLufs())
                    .put("truePeakDbtp", r.truePeakDbtp()).put("recipe", r.recipe())
                    .put("url", TimelineJson.MEDIA_PATH + r.sha256()));
        }
        o.put("renditions", renditions);
        if (!v.jobs().isEmpty()) {
            o.put("jobs", new JsonArray(v.jobs().stream().map(JobRoutes::toJson).toList()));
        }
        return o;
    }
}
