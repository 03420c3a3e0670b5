package vn.bantin.http.api;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.AssetService;
import vn.bantin.app.TtsService;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;
import vn.bantin.http.JsonInput;
import vn.bantin.http.Responses;

/**
 * POST /api/v1/tts {"text": "Thông báo…" (≤ 5000 characters), "voice": "north" | "central" | "south",
 * "name"?: "…"} → 201 with a new AUDIO asset (status PROCESSING until its speaker rendition is made).
 */
public final class TtsRoutes {

    private final TtsService tts;
    private final AssetService assets;
    private final Blocking blocking;

    public TtsRoutes(TtsService tts, AssetService assets, Blocking blocking) {
        this.tts = tts;
        this.assets = assets;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.post("/api/v1/tts", Permission.CONTENT_WRITE, this::speak);
    }

    private void speak(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        JsonInput in = JsonInput.of(ctx);
        String text = in.optionalString("text");
        String voice = in.optionalString("voice");
        String name = in.optionalString("name");
        blocking.media().respond(ctx, () -> AssetRoutes.uploaded(assets, actor, tts.speak(actor, text, voice, name)),
                (c, json) -> Responses.json(c, json.getBoolean("duplicate") ? 200 : 201, json));
    }
}
