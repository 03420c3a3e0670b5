package vn.bantin.http.agent;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.PlayIngestService;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.Responses;

import java.util.List;

/** POST /agent/v1/plays: verify a batch of signed records and store it append-only, all or nothing. */
public final class PlaysHandler {

    private final PlayIngestService plays;
    private final Blocking blocking;

    public PlaysHandler(PlayIngestService plays, Blocking blocking) {
        this.plays = plays;
        this.blocking = blocking;
    }

    public void handle(RoutingContext ctx) {
        var device = AgentAuthHandler.device(ctx);
        List<SignedRecord> records = JsonInput.of(ctx).objects("records").stream()
                .map(r -> new SignedRecord(r.requiredString("payload"), r.requiredString("sig")))
                .toList();
        blocking.run(() -> plays.ingest(device, records)).onSuccess(r -> Responses.ok(ctx, new JsonObject()
                .put("highestSeq", r.highestSeq()).put("stored", r.stored()).put("duplicates", r.duplicates())
                .put("conflicts", r.conflicts()))).onFailure(ctx::fail);
    }
}
