package vn.bantin.app.live;

import vn.bantin.app.AlertService;
import vn.bantin.app.AreaScope;
import vn.bantin.app.EndpointLocations;
import vn.bantin.app.DeviceService;
import vn.bantin.app.MediaJobService;
import vn.bantin.app.PlayIngestService;
import vn.bantin.app.PresenceService;
import vn.bantin.app.TimelineService;
import vn.bantin.store.AlertDeliveryRepository;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EndpointSiteRepository;
import vn.bantin.store.NameRepository;
import vn.bantin.store.PlayPageRepository;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/** The views the web UI draws: the live hub, what feeds it, the dashboard's first load, endpoints on the map. */
public record LiveServices(LiveEvents events, EndpointLiveness endpoints, AlertDeliveries alerts,
                           ScheduleAnnouncer schedules, DashboardService dashboard, EndpointLocations locations,
                           EnrollmentAnnouncer enrollments) {

    /** Until the services that own these facts publish them themselves, the hub listens to them here. */
    public static LiveServices create(Database db, TimelineService timelines, DeviceService devices,
                                      PlayIngestService ingest, AlertService alertService, MediaJobService jobs,
                                      EndpointRepository endpointRepo, AlertRepository alertRepo,
                                      AreaScope areaScope, Clock clock, PresenceService presence) {
        LiveEvents events = new LiveEvents();
        NameRepository names = new NameRepository();
        AlertDeliveries alerts = new AlertDeliveries(db, new AlertDeliveryRepository(), events, clock);
        alerts.resume(db.read(alertRepo::all));
        EndpointLiveness liveness = new EndpointLiveness(db, names, timelines, events, alerts, clock, presence);
        presence.onChange(liveness::presenceChanged);
        PlayAnnouncer plays = new PlayAnnouncer(db, names, timelines, events, alerts);
        devices.onHeartbeat(liveness::heartbeat);
        EnrollmentAnnouncer enrollments = new EnrollmentAnnouncer(db, endpointRepo, events);
        devices.onRequested(enrollments::requested);
        ingest.onStored(plays::stored);
        alertService.onAnnounced((alert, reached) -> {
            Set<Long> ids = new HashSet<>(reached);
            alerts.announced(alert, db.read(c -> endpointRepo.all(c).stream().filter(e -> ids.contains(e.id()))
                    .toList()));
        });
        jobs.subscribe(job -> events.publish("job.progress", db.read(c -> names.assetArea(c, job.assetId())), Facts.of("id", job.id(), "assetId", job.assetId(),
                "task", job.task(), "state", job.state(), "progress", job.progress(), "error", job.error())));
        DashboardService dashboard = new DashboardService(db, endpointRepo, names, new PlayPageRepository(), timelines,
                liveness, alerts, areaScope, clock);
        EndpointLocations locations = new EndpointLocations(db, endpointRepo, areaScope, new EndpointSiteRepository());
        ScheduleAnnouncer schedules = new ScheduleAnnouncer(db, names, timelines, events, clock);
        return new LiveServices(events, liveness, alerts, schedules, dashboard, locations, enrollments);
    }
}
