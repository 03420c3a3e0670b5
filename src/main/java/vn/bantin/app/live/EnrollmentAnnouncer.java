package vn.bantin.app.live;

import vn.bantin.domain.Endpoint;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;

import java.util.Objects;

/**
 * Announces {@code endpoint.enrollment} when a device asks to join (a new PENDING endpoint) and when its request
 * is approved or rejected, so the waiting list and its count stay current on every open screen. Scoped like the
 * endpoint itself: a request in no area reaches full-scope people only; a request moved to another area on
 * approval is announced to both areas, so the first one's list drops it too.
 */
public final class EnrollmentAnnouncer {

    private final Database db;
    private final EndpointRepository endpoints;
    private final LiveEvents live;

    public EnrollmentAnnouncer(Database db, EndpointRepository endpoints, LiveEvents live) {
        this.db = db;
        this.endpoints = endpoints;
        this.live = live;
    }

    /** A device's request was queued (committed). */
    public void requested(long endpointId) {
        announce(endpointId, null);
    }

    /** A request was approved or rejected (committed); {@code areaBefore} is where it waited. */
    public void decided(long endpointId, Long areaBefore) {
        announce(endpointId, areaBefore);
    }

    private void announce(long endpointId, Long areaBefore) {
        Endpoint e = db.read(c -> endpoints.byId(c, endpointId).orElse(null));
        if (e == null) {
            return;
        }
        var facts = Facts.of("endpointId", e.id(), "name", e.name(), "kind", e.kind().name(), "areaId", e.areaId(),
                "status", e.status().name());
        live.publish("endpoint.enrollment", e.areaId(), facts);
        if (areaBefore != null && !Objects.equals(areaBefore, e.areaId())) {
            live.publish("endpoint.enrollment", areaBefore, facts);
        }
    }
}
