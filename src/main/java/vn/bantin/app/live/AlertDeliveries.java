package vn.bantin.app.live;

import vn.bantin.access.Scope;
import vn.bantin.domain.Alert;
import vn.bantin.domain.AlertStatus;
import vn.bantin.domain.Endpoint;
import vn.bantin.schedule.AlertOverlay;
import vn.bantin.store.AlertDeliveryRepository;
import vn.bantin.store.AlertDeliveryRepository.Row;
import vn.bantin.store.Database;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each alert has got on each endpoint it targets: SENT (pushed), DELIVERED (the endpoint fetched the
 * timeline holding it), STARTED (the endpoint reported playing it). Each step is stored (table alert_delivery,
 * so the operator's view survives a restart) and announced as {@code alert.delivery} the moment it is known.
 * The last {@link #KEPT} alerts still on air are followed in memory, so a timeline fetch costs no query; the
 * evidence of what aired is in the play records.
 */
public final class AlertDeliveries {

    public static final int KEPT = 50;

    public enum State { SENT, DELIVERED, STARTED }

    public record Delivery(long endpointId, String endpointName, Long areaId, State state, Long deliveredAt,
                           Long startedAt) {

        Delivery advance(State to, long at) {
            if (to.ordinal() <= state.ordinal()) {
                return this;
            }
            Long when = at;
            return new Delivery(endpointId, endpointName, areaId, to, deliveredAt == null ? when : deliveredAt,
                    to == State.STARTED ? when : startedAt);
        }

        Row row(long alertId) {
            return new Row(alertId, endpointId, endpointName, areaId, state.name(), deliveredAt, startedAt);
        }

        static Delivery of(Row r) {
            return new Delivery(r.endpointId(), r.endpointName(), r.areaId(), State.valueOf(r.state()),
                    r.deliveredAt(), r.startedAt());
        }
    }

    private record Tracked(Alert alert, Map<Long, Delivery> byEndpoint) {
    }

    private record EntryRef(long alertId, long endpointId) {
    }

    private final Database db;
    private final AlertDeliveryRepository store;
    private final LiveEvents live;
    private final Clock clock;
    private final Map<Long, Tracked> alerts = new LinkedHashMap<>();
    private final Map<String, EntryRef> entries = new ConcurrentHashMap<>();

    public AlertDeliveries(Database db, AlertDeliveryRepository store, LiveEvents live, Clock clock) {
        this.db = db;
        this.store = store;
        this.live = live;
        this.clock = clock;
    }

    /** At start-up: alerts still on air are followed again from where they had got. */
    public synchronized void resume(List<Alert> all) {
        long now = clock.millis();
        for (Alert alert : all) {
            if (alert.status() == AlertStatus.ACTIVE && alert.lastEndMs() > now) {
                Map<Long, Delivery> byEndpoint = new LinkedHashMap<>();
                db.read(c -> store.ofAlert(c, alert.id())).forEach(r -> byEndpoint.put(r.endpointId(), Delivery.of(r)));
                track(alert, byEndpoint);
            }
        }
    }

    /** An alert was issued or cancelled; {@code reached} are the endpoints it targets. */
    public synchronized void announced(Alert alert, List<Endpoint> reached) {
        Tracked tracked = alerts.get(alert.id());
        if (tracked == null && alert.status() == AlertStatus.ACTIVE) {
            Map<Long, Delivery> byEndpoint = new LinkedHashMap<>();
            for (Endpoint e : reached) {
                byEndpoint.put(e.id(), new Delivery(e.id(), e.name(), e.areaId(), State.SENT, null, null));
            }
            db.tx(c -> {
                if (!store.tracked(c, alert.id())) {
                    for (Delivery d : byEndpoint.values()) {
                        store.insert(c, d.row(alert.id()));
                    }
                }
                return null;
            });
            track(alert, byEndpoint);
        } else if (tracked != null) {
            alerts.put(alert.id(), new Tracked(alert, tracked.byEndpoint()));
        }
        live.publish("alert.changed", alert.targets().withinAreaId(), Facts.of("alertId", alert.id(), "title", alert.title(),
                "status", alert.status().name(), "endpoints", reached.size()));
    }

    /** An endpoint fetched its timeline: every active alert it has not yet acknowledged is now delivered. */
    public synchronized void timelineFetched(long endpointId) {
        long now = clock.millis();
        for (Tracked t : alerts.values()) {
            if (t.alert().status() == AlertStatus.ACTIVE) {
                advance(t, endpointId, State.DELIVERED, now);
            }
        }
    }

    /** An endpoint reported playing this timeline entry (heartbeat or play record). */
    public synchronized void started(long endpointId, String entryId, long at) {
        EntryRef ref = entryId == null ? null : entries.get(entryId);
        Tracked t = ref == null || ref.endpointId() != endpointId ? null : alerts.get(ref.alertId());
        if (t != null) {
            advance(t, endpointId, State.STARTED, at);
        }
    }

    /** The alert whose entry this is, if it is one of the followed alerts. */
    public synchronized Alert alertOfEntry(String entryId) {
        EntryRef ref = entryId == null ? null : entries.get(entryId);
        Tracked t = ref == null ? null : alerts.get(ref.alertId());
        return t == null ? null : t.alert();
    }

    /** Each targeted endpoint in scope and its progress, as stored. */
    public List<Delivery> of(long alertId, Scope scope) {
        return db.read(c -> store.ofAlert(c, alertId)).stream().map(Delivery::of)
                .filter(d -> scope.contains(d.areaId())).toList();
    }

    private void track(Alert alert, Map<Long, Delivery> byEndpoint) {
        for (long endpointId : byEndpoint.keySet()) {
            for (int k = 0; k < alert.repeat(); k++) {
                entries.put(AlertOverlay.entryId(endpointId, alert.id(), k), new EntryRef(alert.id(), endpointId));
            }
        }
        alerts.put(alert.id(), new Tracked(alert, byEndpoint));
        forgetOldest();
    }

    private void advance(Tracked t, long endpointId, State to, long at) {
        Delivery before = t.byEndpoint().get(endpointId);
        if (before == null) {
            return;
        }
        Delivery after = before.advance(to, at);
        if (after != before) {
            db.tx(c -> {
                store.advance(c, after.row(t.alert().id()));
                return null;
            });
            t.byEndpoint().put(endpointId, after);
            live.publish("alert.delivery", after.areaId(), Facts.of("alertId", t.alert().id(),
                    "endpointId", endpointId, "endpointName", after.endpointName(), "areaId", after.areaId(),
                    "state", after.state().name(), "at", at));
        }
    }

    private void forgetOldest() {
        while (alerts.size() > KEPT) {
            long oldest = alerts.keySet().iterator().next();
            alerts.remove(oldest);
            entries.values().removeIf(ref -> ref.alertId() == oldest);
        }
    }
}
