package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import vn.bantin.evidence.PlayNames;

/** The names kept with a play (at plan or play time), as the management API shows them. */
final class NamesJson {

    private NamesJson() {
    }

    static JsonObject of(PlayNames n) {
        return new JsonObject().put("campaign", n.campaignName()).put("asset", n.assetName())
                .put("endpoint", n.endpointName()).put("areaId", n.areaId()).put("area", n.areaName())
                .put("topic", n.topic());
    }
}
