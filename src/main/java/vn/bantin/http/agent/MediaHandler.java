package vn.bantin.http.agent;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.AssetService;
import vn.bantin.app.DeviceMedia;
import vn.bantin.http.Blocking;
import vn.bantin.http.RangedFile;
import vn.bantin.http.Responses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * GET /agent/v1/media/{sha256} with single HTTP byte ranges, so agents resume broken downloads. A device gets
 * only files its own current timeline references; any other hash is 404, as if it did not exist.
 */
public final class MediaHandler {

    private final AssetService assets;
    private final DeviceMedia allowed;
    private final Blocking blocking;

    public MediaHandler(AssetService assets, DeviceMedia allowed, Blocking blocking) {
        this.assets = assets;
        this.allowed = allowed;
        this.blocking = blocking;
    }

    public void handle(RoutingContext ctx) {
        String sha = ctx.pathParam("sha256");
        long endpointId = AgentAuthHandler.device(ctx).endpointId();
        blocking.run(() -> {
            Optional<Path> file = allowed.mayFetch(endpointId, sha) ? assets.file(sha) : Optional.empty();
            return file.isEmpty() ? Optional.<Sized>empty() : Optional.of(new Sized(file.get(), Files.size(file.get())));
        }).onSuccess(file -> send(ctx, file)).onFailure(ctx::fail);
    }

    private record Sized(Path path, long size) {
    }

    private static void send(RoutingContext ctx, Optional<Sized> found) {
        if (found.isEmpty()) {
            Responses.error(ctx, 404, "not_found", "Không có tệp này / unknown media");
            return;
        }
        RangedFile.send(ctx, found.get().path(), found.get().size(), "application/octet-stream");
    }
}
