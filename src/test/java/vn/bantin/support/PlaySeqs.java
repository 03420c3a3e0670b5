package vn.bantin.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/** The seqs of an endpoint's play records: those an acknowledgement says are held, and those the controller lists. */
public final class PlaySeqs {

    private PlaySeqs() {
    }

    /** The seqs an acknowledgement of {@code POST /agent/v1/plays} says the controller holds: its ranges [first, last]. */
    public static List<Long> held(JsonObject ack) {
        List<Long> seqs = new ArrayList<>();
        ack.getJsonArray("held").forEach(r -> {
            JsonArray range = (JsonArray) r;
            LongStream.rangeClosed(range.getLong(0), range.getLong(1)).forEach(seqs::add);
        });
        return seqs;
    }

    /** The seqs of the endpoint's records the management API lists (the first 1000 records of all endpoints). */
    public static List<Long> stored(HttpApi api, long endpointId) {
        return api.get("/api/v1/plays?limit=1000").array().stream().map(JsonObject.class::cast)
                .filter(p -> p.getLong("endpointId") == endpointId).map(p -> p.getLong("seq")).toList();
    }
}
