package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.CommandService;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;

/**
 * {@code POST /agent/v1/commands/{id}/result} ({@code {"outcome","detail"}}) and
 * {@code POST /agent/v1/commands/{id}/screenshot} (the PNG bytes): an agent answers a command pushed to it.
 */
public final class CommandResultHandler {

    private final CommandService commands;
    private final Blocking blocking;

    public CommandResultHandler(CommandService commands, Blocking blocking) {
        this.commands = commands;
        this.blocking = blocking;
    }

    public void result(RoutingContext ctx) {
        var device = AgentAuthHandler.device(ctx);
        long id = PathParams.id(ctx, "id");
        JsonInput in = JsonInput.of(ctx);
        String outcome = in.requiredString("outcome");
        String detail = in.optionalString("detail");
        blocking.json(ctx, () -> {
            commands.answer(device, id, outcome, detail);
            return new JsonObject().put("commandId", id);
        });
    }

    public void screenshot(RoutingContext ctx) {
        var device = AgentAuthHandler.device(ctx);
        long id = PathParams.id(ctx, "id");
        byte[] png = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        blocking.json(ctx, () -> {
            commands.screenshotTaken(device, id, png);
            return new JsonObject().put("commandId", id).put("bytes", png.length);
        });
    }
}
