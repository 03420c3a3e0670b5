package vn.bantin.app.live;

import vn.bantin.app.TimelineService;
import vn.bantin.domain.Timeline;
import vn.bantin.store.Database;
import vn.bantin.store.NameRepository;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Announces {@code endpoint.schedule} when a device has fetched a timeline other than the one last announced for
 * it: what it will play from now on, by name (see {@link OnAirSchedule}). A 304 or the same timeline again says
 * nothing.
 */
public final class ScheduleAnnouncer {

    private final Database db;
    private final NameRepository names;
    private final TimelineService timelines;
    private final LiveEvents live;
    private final Clock clock;
    private final Map<Long, Timeline> announced = new ConcurrentHashMap<>();

    public ScheduleAnnouncer(Database db, NameRepository names, TimelineService timelines, LiveEvents live,
                             Clock clock) {
        this.db = db;
        this.names = names;
        this.timelines = timelines;
        this.live = live;
        this.clock = clock;
    }

    /** Called once a timeline answer has gone out to the endpoint's device. */
    public void fetched(long endpointId) {
        Timeline given = timelines.lastCompiled(endpointId).orElse(null);
        if (given == null || announced.put(endpointId, given) == given) {
            return;
        }
        db.read(c -> {
            var ref = names.endpoint(c, endpointId).orElse(null);
            if (ref != null) {
                live.publish("endpoint.schedule", ref.areaId(), Facts.of("endpointId", endpointId,
                        "areaId", ref.areaId(), "schedule", OnAirSchedule.of(given, clock.millis(),
                                new Names(c, names, timelines))));
            }
            return null;
        });
    }
}
