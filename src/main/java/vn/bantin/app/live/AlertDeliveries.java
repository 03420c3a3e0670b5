package vn.bantin.app.live;

import vn.bantin.access.Scope;
import vn.bantin.domain.Alert;
import vn.bantin.domain.AlertStatus;
import vn.bantin.domain.Endpoint;
import vn.bantin.schedule.AlertOverlay;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each recent alert has got on each endpoint it targets: SENT (pushed), DELIVERED (the endpoint
 * fetched the timeline holding it), STARTED (the endpoint reported playing it). Each step is announced as
 * {@code alert.delivery} the moment it is known. Kept in memory for the last {@link #KEPT} alerts: it is the
 * operator's live view; the evidence of what aired is in the play records.
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
    }

    private record Tracked(Alert alert, Map<Long, Delivery> byEndpoint) {
    }

    private record EntryRef(long alertId, long endpointId) {
    }

    private final LiveEvents live;
    private final Clock clock;
    private final Map<Long, Tracked> alerts = new LinkedHashMap<>();
    private final Map<String, EntryRef> entries = new ConcurrentHashMap<>();

    public AlertDeliveries(LiveEvents live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    /** An alert was issued or cancelled; {@code reached} are the endpoints it targets. */
    public synchronized void announced(Alert alert, List<Endpoint> reached) {
        Tracked tracked = alerts.get(alert.id());
        if (tracked == null && alert.status() == AlertStatus.ACTIVE) {
            Map<Long, Delivery> byEndpoint = new LinkedHashMap<>();
            for (Endpoint e : reached) {
                byEndpoint.put(e.id(), new Delivery(e.id(), e.name(), e.areaId(), State.SENT, null, null));
                for (int k = 0; k < alert.repeat(); k++) {
                    entries.put(AlertOverlay.entryId(e.id(), alert.id(), k), new EntryRef(alert.id(), e.id()));
                }
            }
            alerts.put(alert.id(), new Tracked(alert, byEndpoint));
            forgetOldest();
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

    /** The alert whose entry this is, if it is one of the tracked alerts. */
    public synchronized Alert alertOfEntry(String entryId) {
        EntryRef ref = entryId == null ? null : entries.get(entryId);
        Tracked t = ref == null ? null : alerts.get(ref.alertId());
        return t == null ? null : t.alert();
    }

    /** Each targeted endpoint in scope and its progress; empty for an alert issued before the last start. */
    public synchronized List<Delivery> of(long alertId, Scope scope) {
        Tracked t = alerts.get(alertId);
        return t == null ? List.of() : t.byEndpoint().values().stream().filter(d -> scope.contains(d.areaId())).toList();
    }

    private void advance(Tracked t, long endpointId, State to, long at) {
        Delivery before = t.byEndpoint().get(endpointId);
        if (before == null) {
            return;
        }
        Delivery after = before.advance(to, at);
        if (after != before) {
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
