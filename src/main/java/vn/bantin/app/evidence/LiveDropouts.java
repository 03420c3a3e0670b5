package vn.bantin.app.evidence;

import java.time.Clock;
import java.util.List;
import vn.bantin.app.PresenceService;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.store.Database;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.report.EntryRepository;
import vn.bantin.store.report.LiveTakeRepository;

/**
 * An endpoint that goes silent while it is taking a live session cannot be playing the stream: told by the presence
 * service that an endpoint went offline (at its last contact, once the silence is long enough, which may be after the
 * session ended and was judged), its live entries on the air at that moment with nothing to say for them yet are
 * OFFLINE rather than "no record yet". A record that arrives later still tells more.
 */
public final class LiveDropouts {

    private final Database db;
    private final ExpectedPlayRepository expected;
    private final ReportRollups rollups;
    private final Clock clock;
    private final LiveTakeRepository live = new LiveTakeRepository();
    private final EntryRepository entries = new EntryRepository();

    public LiveDropouts(Database db, ExpectedPlayRepository expected, ReportRollups rollups, Clock clock) {
        this.db = db;
        this.expected = expected;
        this.rollups = rollups;
        this.clock = clock;
    }

    public void presenceChanged(PresenceService.Change change) {
        if (change.online()) {
            return;
        }
        long now = clock.millis();
        db.tx(c -> {
            List<String> due = live.liveEntriesAt(c, change.endpointId(), change.at());
            for (String entryId : due) {
                boolean recorded = entries.byId(c, change.endpointId(), entryId)
                        .map(e -> e.recordOutcome() != null).orElse(false);
                if (!recorded) {
                    expected.classify(c, change.endpointId(), entryId, PlanReason.OFFLINE, now);
                    rollups.classified(c, change.endpointId(), entryId, PlanReason.OFFLINE);
                }
            }
            return null;
        });
    }
}
