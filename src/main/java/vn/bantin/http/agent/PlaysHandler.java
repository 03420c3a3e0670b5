package vn.bantin.http.agent;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.ApiException;
import vn.bantin.app.PlayBatch;
import vn.bantin.app.PlayIngestService;
import vn.bantin.app.SignedAck;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.security.Sha256;

import java.util.ArrayList;
import java.util.List;

/**
 * POST /agent/v1/plays: the batch's records are verified one by one and what is valid is stored durably;
 * the answer is the acknowledgement, signed by the controller key over its exact bytes.
 */
public final class PlaysHandler {

    private final PlayIngestService plays;
    private final Blocking blocking;

    public PlaysHandler(PlayIngestService plays, Blocking blocking) {
        this.plays = plays;
        this.blocking = blocking;
    }

    public void handle(RoutingContext ctx) {
        var device = AgentAuthHandler.device(ctx);
        JsonObject body = JsonInput.of(ctx).raw();
        Object batch = body.getValue("batch");
        PlayBatch request = new PlayBatch(batch instanceof String s ? s : null, Sha256.hex(ctx.body().buffer().getBytes()),
                signed(body, "records"), signed(body, "gapNotices"));
        blocking.run(() -> plays.ingest(device, request)).onSuccess(ack -> send(ctx, ack)).onFailure(ctx::fail);
    }

    /** The {"payload","sig"} items of an array; an item that is not an object, or lacks a field, keeps nulls. */
    private static List<SignedRecord> signed(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiException.badRequest("bad_field", "Trường '" + field + "' phải là danh sách / Field '" + field
                    + "' must be a list");
        }
        List<SignedRecord> out = new ArrayList<>(array.size());
        for (Object item : array) {
            JsonObject o = item instanceof JsonObject j ? j : new JsonObject();
            out.add(new SignedRecord(o.getValue("payload") instanceof String p ? p : null,
                    o.getValue("sig") instanceof String s ? s : null));
        }
        return out;
    }

    private static void send(RoutingContext ctx, SignedAck ack) {
        ctx.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("X-Bantin-Signature", ack.signature()).end(Buffer.buffer(ack.body()));
    }
}
