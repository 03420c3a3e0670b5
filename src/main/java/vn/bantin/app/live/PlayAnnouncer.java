package vn.bantin.app.live;

import vn.bantin.app.TimelineService;
import vn.bantin.domain.Alert;
import vn.bantin.store.Database;
import vn.bantin.store.NameRepository;
import vn.bantin.store.StoredPlay;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Announces each stored play record by name ({@code play.recorded}); an alert's play also marks it started. */
public final class PlayAnnouncer {

    private final Database db;
    private final NameRepository names;
    private final TimelineService timelines;
    private final LiveEvents live;
    private final AlertDeliveries alerts;

    public PlayAnnouncer(Database db, NameRepository names, TimelineService timelines, LiveEvents live,
                         AlertDeliveries alerts) {
        this.db = db;
        this.names = names;
        this.timelines = timelines;
        this.live = live;
        this.alerts = alerts;
    }

    public void stored(List<StoredPlay> plays) {
        if (plays.isEmpty()) {
            return;
        }
        db.read(c -> {
            Names resolved = new Names(c, names, timelines);
            // a batch is one device's: its endpoint is read once, not once per record
            Map<Long, Optional<NameRepository.EndpointRef>> endpoints = new HashMap<>();
            for (StoredPlay p : plays) {
                Optional<NameRepository.EndpointRef> known = endpoints.get(p.endpointId());
                if (known == null) {
                    known = names.endpoint(c, p.endpointId());
                    endpoints.put(p.endpointId(), known);
                }
                var endpoint = known.orElse(null);
                Alert alert = alerts.alertOfEntry(p.entryId());
                String campaign = alert != null ? alert.title() : resolved.campaign(p.campaignId());
                live.publish("play.recorded", endpoint == null ? null : endpoint.areaId(), Facts.of(
                        "endpointId", p.endpointId(), "endpointName", endpoint == null ? null : endpoint.name(),
                        "areaId", endpoint == null ? null : endpoint.areaId(), "seq", p.seq(),
                        "campaignId", alert != null ? null : p.campaignId(), "campaignName", campaign,
                        "alertId", alert == null ? null : alert.id(), "assetName", resolved.asset(p.sha256()),
                        "class", p.broadcastClass(), "outcome", p.outcome(), "reason", p.reason(),
                        "startedAt", p.actualStart(), "endedAt", p.actualEnd()));
                if (p.actualStart() != null) {
                    alerts.started(p.endpointId(), p.entryId(), p.actualStart());
                }
            }
            return null;
        });
    }
}
