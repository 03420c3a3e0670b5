package vn.bantin.http.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.app.ApiException;
import vn.bantin.app.AssetService;
import vn.bantin.app.UploadService;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.JsonInput;
import vn.bantin.http.Responses;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resumable uploads for slow links, in two dialects over the same sessions. The tus 1.0 protocol (core,
 * creation, termination), which the web UI's upload library speaks:
 * <pre>
 * POST   /api/v1/uploads            Upload-Length: n, Upload-Metadata: filename base64(name) → 201 Location: {url}
 * PATCH  /api/v1/uploads/{id}       Upload-Offset: a, Content-Type: application/offset+octet-stream, body = bytes
 *                                   → 204 Upload-Offset: a + received; another start than the offset → 409
 * HEAD   /api/v1/uploads/{id}       → Upload-Offset, Upload-Length, to resume after a drop
 * </pre>
 * and the plain one for scripts:
 * <pre>
 * POST   /api/v1/uploads            {"name": "bản tin.mp3", "size": 1234567}  → 201 {"id", "offset": 0}
 * PUT    /api/v1/uploads/{id}       body = bytes; Content-Range: bytes 0-524287/1234567 (or Upload-Offset: 0)
 *                                   → 200 {"offset"}; a start other than the current offset → 409 {"offset"}
 * GET    /api/v1/uploads/{id}       → {"offset"}
 * </pre>
 * Either way {@code POST /api/v1/uploads/{id}/finish} ingests the file exactly like a multipart upload
 * (201/200 asset, 422, 413) and {@code DELETE /api/v1/uploads/{id}} → 204 removes the bytes.
 * Bytes stream to disk as they arrive (never whole into memory); whatever arrived before a drop is kept.
 */
public final class UploadRoutes {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final UploadService uploads;
    private final AssetService assets;
    private final Blocking blocking;
    private final Vertx vertx;
    /**
     * The PUT still writing each session, as a way to stop it. A client only resumes once it has given up on
     * the previous connection, which the server may not have noticed yet: the new PUT takes over.
     */
    private final Map<String, Supplier<Future<Void>>> writing = new ConcurrentHashMap<>();

    public UploadRoutes(UploadService uploads, AssetService assets, Blocking blocking, Vertx vertx) {
        this.uploads = uploads;
        this.assets = assets;
        this.blocking = blocking;
        this.vertx = vertx;
    }

    /** PUT bodies are read here, not by a BodyHandler: HttpVerticle leaves them alone. */
    public static boolean streamsItsBody(HttpServerRequest req) {
        String method = req.method().name();
        return (method.equals("PUT") || method.equals("PATCH")) && req.path().startsWith("/api/v1/uploads/");
    }

    public void mount(ApiRouter api) {
        api.post("/api/v1/uploads", Permission.CONTENT_WRITE, this::create);
        api.put("/api/v1/uploads/:id", Permission.CONTENT_WRITE, ctx -> append(ctx, false));
        api.patch("/api/v1/uploads/:id", Permission.CONTENT_WRITE, ctx -> append(ctx, true));
        api.head("/api/v1/uploads/:id", Permission.CONTENT_WRITE, this::head);
        api.get("/api/v1/uploads/:id", Permission.CONTENT_WRITE, this::status);
        api.post("/api/v1/uploads/:id/finish", Permission.CONTENT_WRITE, this::finish);
        api.delete("/api/v1/uploads/:id", Permission.CONTENT_WRITE, this::cancel);
    }

    private void create(RoutingContext ctx) {
        boolean tus = TusHeaders.creation(ctx.request());
        String name;
        Long size;
        if (tus) {
            size = TusHeaders.length(ctx.request());
            name = TusHeaders.metadata(ctx.request()).get("filename");
        } else {
            JsonInput in = JsonInput.of(ctx);
            name = in.optionalString("name");
            size = in.optionalLong("size");
        }
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> uploads.create(actor, name, size), (c, s) -> {
            String url = "/api/v1/uploads/" + s.id();
            c.response().putHeader("Location", url).putHeader(TusHeaders.RESUMABLE, TusHeaders.VERSION);
            Responses.created(c, new JsonObject().put("id", s.id()).put("offset", 0).put("size", s.totalBytes())
                    .put("url", url));
        });
    }

    private void head(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Actor actor = Actors.of(ctx);
        blocking.run(() -> new Progress(uploads.offset(actor, id), uploads.session(actor, id).totalBytes()))
                .onSuccess(p -> {
                    var res = TusHeaders.answer(ctx.response(), p.offset())
                            .putHeader("Range", p.offset() == 0 ? "bytes=0-0" : "bytes=0-" + (p.offset() - 1));
                    if (p.total() != null) {
                        res.putHeader(TusHeaders.LENGTH, String.valueOf(p.total()));
                    }
                    res.end();
                }).onFailure(e -> ctx.response().setStatusCode(e instanceof ApiException a ? a.status() : 500).end());
    }

    private record Progress(long offset, Long total) {
    }

    private void status(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Actor actor = Actors.of(ctx);
        blocking.json(ctx, () -> new JsonObject().put("id", id).put("offset", uploads.offset(actor, id))
                .put("size", uploads.session(actor, id).totalBytes()));
    }

    /** Appends the body at the claimed start (tus: PATCH with Upload-Offset; plain: PUT with Content-Range). */
    private void append(RoutingContext ctx, boolean tus) {
        HttpServerRequest req = ctx.request();
        req.pause();
        String id = ctx.pathParam("id");
        Actor actor = Actors.of(ctx);
        BiConsumer<RoutingContext, Long> done = tus
                ? (c, offset) -> TusHeaders.answer(c.response().setStatusCode(204), offset).end()
                : (c, offset) -> Responses.ok(c, new JsonObject().put("id", id).put("offset", offset));
        // only someone who may see the session learns anything about the request or takes over its writer
        blocking.run(() -> uploads.offset(actor, id)).compose(x -> {
            long start = tus ? TusHeaders.offset(req) : startOf(req);
            Supplier<Future<Void>> previous = writing.remove(id);
            return (previous == null ? Future.<Void>succeededFuture() : previous.get())
                    .compose(y -> blocking.run(() -> uploads.offset(actor, id)))
                    .map(offset -> new long[] {start < 0 ? offset : start, offset});
        }).onSuccess(claimedAndOffset -> {
            long claimed = claimedAndOffset[0];
            long offset = claimedAndOffset[1];
            if (claimed != offset) {
                ctx.response().putHeader("Upload-Offset", String.valueOf(offset));
                refuse(ctx, new ApiException(409, "offset_mismatch", "Phải gửi tiếp từ byte " + offset
                        + " / Resume from byte " + offset));
                return;
            }
            String length = req.getHeader("Content-Length");
            if (length != null && offset + Long.parseLong(length) > uploads.maxBytes()) {
                refuse(ctx, uploads.tooLarge(offset + Long.parseLong(length)));
                return;
            }
            vertx.fileSystem().open(uploads.part(id).toString(), new OpenOptions().setWrite(true).setCreate(false))
                    .onSuccess(file -> pump(ctx, id, file, offset, done)).onFailure(e -> refuse(ctx, e));
        }).onFailure(e -> refuse(ctx, e));
    }

    /**
     * Answers without taking the body: the connection is closed after the answer, so the client sees it at
     * once instead of waiting to send bytes nobody reads. The body carries the current offset where known.
     */
    private static void refuse(RoutingContext ctx, Throwable why) {
        ctx.response().putHeader("Connection", "close");
        if (why instanceof ApiException e && e.code().equals("offset_mismatch")) {
            Responses.json(ctx, 409, new JsonObject().put("code", e.code()).put("error", e.getMessage())
                    .put("offset", Long.parseLong(ctx.response().headers().get("Upload-Offset"))));
        } else {
            ctx.fail(why);
        }
        ctx.request().resume();
    }

    /** Writes the body at offset with back-pressure; stops at the size limit; keeps what arrived on a drop. */
    private void pump(RoutingContext ctx, String id, AsyncFile file, long offset, BiConsumer<RoutingContext, Long> done) {
        Actor actor = Actors.of(ctx);
        HttpServerRequest req = ctx.request();
        long[] written = {offset};
        boolean[] stopped = {false};
        file.setWritePos(offset);
        Supplier<Future<Void>> stop = () -> {
            if (stopped[0]) {
                return Future.succeededFuture();
            }
            stopped[0] = true;
            return file.close();
        };
        writing.put(id, stop);
        req.handler(buf -> {
            if (stopped[0]) {
                return;
            }
            written[0] += buf.length();
            if (written[0] > uploads.maxBytes()) {
                release(id, stop);
                ctx.fail(uploads.tooLarge(written[0]));
                return;
            }
            file.write(buf);
            if (file.writeQueueFull()) {
                req.pause();
                file.drainHandler(v -> req.resume());
            }
        });
        // A dropped connection ends the request with an exception, after the chunks already received.
        req.exceptionHandler(e -> release(id, stop));
        req.endHandler(v -> {
            if (stopped[0]) {
                return;
            }
            stopped[0] = true;
            writing.remove(id, stop);
            file.flush().compose(x -> file.close())
                    .compose(x -> blocking.run(() -> {
                        uploads.touch(id);
                        return uploads.offset(actor, id);
                    }))
                    .onSuccess(now -> done.accept(ctx, now))
                    .onFailure(ctx::fail);
        });
        req.resume();
    }

    private void release(String id, Supplier<Future<Void>> stop) {
        writing.remove(id, stop);
        stop.get();
    }

    private void finish(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Actor actor = Actors.of(ctx);
        blocking.media().respond(ctx, () -> AssetRoutes.uploaded(assets, actor, uploads.finish(actor, id)),
                (c, json) -> Responses.json(c, json.getBoolean("duplicate") ? 200 : 201, json));
    }

    private void cancel(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        String id = ctx.pathParam("id");
        blocking.respond(ctx, () -> {
            uploads.cancel(actor, id);
            return id;
        }, (c, x) -> c.response().setStatusCode(204).end());
    }

    /** The claimed start from Content-Range or Upload-Offset; -1 when neither is given (append). */
    private static long startOf(HttpServerRequest req) {
        String range = req.getHeader("Content-Range");
        if (range != null) {
            Matcher m = CONTENT_RANGE.matcher(range.trim());
            if (!m.matches()) {
                throw ApiException.badRequest("bad_range", "Content-Range phải có dạng 'bytes a-b/n'"
                        + " / Content-Range must look like 'bytes a-b/n'");
            }
            return Long.parseLong(m.group(1));
        }
        String offset = req.getHeader("Upload-Offset");
        if (offset != null) {
            try {
                return Long.parseLong(offset.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bad_offset", "Upload-Offset phải là số / Upload-Offset must be a number");
            }
        }
        return -1;
    }
}
