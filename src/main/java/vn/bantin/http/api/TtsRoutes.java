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
 * POST /api/v1/tts/listen {"text", "voice"} → the speech as audio/wav, stored nowhere: listen before saving.
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
        api.post("/api/v1/tts/listen", Permission.CONTENT_WRITE, this::listen);
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

    private void listen(RoutingContext ctx) {
        JsonInput in = JsonInput.of(ctx);
        String text = in.optionalString("text");
        String voice = in.optionalString("voice");
        blocking.respond(ctx, () -> tts.listen(text, voice), (c, wav) -> c.response()
                .putHeader("Content-Type", "audio/wav").putHeader("Cache-Control", "no-store")
                .sendFile(wav.toString()).onComplete(x -> blocking.run(() -> {
                    TtsService.deleteQuietly(wav);
                    return null;
                })));
    }
}
