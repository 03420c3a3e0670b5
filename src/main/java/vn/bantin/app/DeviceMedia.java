package vn.bantin.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What media one device may fetch: exactly the files its current signed timeline references, so an active
 * device cannot download other stored files (another area's content, unapproved drafts) by guessing hashes.
 */
public final class DeviceMedia {

    private final TimelineService timelines;

    public DeviceMedia(TimelineService timelines) {
        this.timelines = timelines;
    }

    public boolean mayFetch(long endpointId, String sha256) {
        return referenced(endpointId).contains(sha256);
    }

    private Set<String> referenced(long endpointId) {
        JsonObject timeline = new JsonObject(new String(timelines.signedFor(endpointId).body(), StandardCharsets.UTF_8));
        Set<String> out = new HashSet<>();
        for (Object entry : timeline.getJsonArray("entries", new JsonArray())) {
            for (Object item : ((JsonObject) entry).getJsonArray("items", new JsonArray())) {
                out.add(((JsonObject) item).getString("sha256"));
            }
        }
        return out;
    }
}
