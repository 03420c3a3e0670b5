package vn.bantin.http;

import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;

/** Sends a stored file whole or as one HTTP byte range, so agents resume downloads and browsers seek in media. */
public final class RangedFile {

    private RangedFile() {
    }

    public static void send(RoutingContext ctx, Path file, long size, String contentType) {
        var response = ctx.response().putHeader("Accept-Ranges", "bytes").putHeader("Content-Type", contentType);
        ByteRange range;
        try {
            range = ByteRange.parse(ctx.request().getHeader("Range"), size);
        } catch (IllegalArgumentException e) {
            response.putHeader("Content-Range", "bytes */" + size);
            Responses.error(ctx, 416, "bad_range", e.getMessage());
            return;
        }
        if (range == null) {
            response.sendFile(file.toString());
            return;
        }
        response.setStatusCode(206).putHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        response.sendFile(file.toString(), range.first(), range.length());
    }
}
