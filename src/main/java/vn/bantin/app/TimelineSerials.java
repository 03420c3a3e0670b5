package vn.bantin.app;

import vn.bantin.security.Sha256;
import vn.bantin.store.Database;
import vn.bantin.store.TimelineIssueRepository;
import vn.bantin.store.TimelineIssueRepository.Issue;

import java.time.Clock;

/**
 * Numbers the timelines issued to each endpoint so an agent can refuse an older one replayed to it.
 * The same content keeps its serial (compilation stays deterministic: same inputs, same bytes); new
 * content gets the issue time in ms, or one more than the last serial if that is not greater, so the
 * numbers never go back, across restarts and after a database restored from an older backup alike.
 */
public final class TimelineSerials {

    private final Database db;
    private final TimelineIssueRepository issues;
    private final Clock clock;

    public TimelineSerials(Database db, TimelineIssueRepository issues, Clock clock) {
        this.db = db;
        this.issues = issues;
        this.clock = clock;
    }

    /** The serial for this content of the endpoint's timeline (device, window, entries version). */
    public synchronized long serialFor(long endpointId, String deviceId, long from, long to, String version) {
        String content = Sha256.hex(deviceId + "\n" + from + "\n" + to + "\n" + version);
        return db.tx(c -> {
            Issue last = issues.find(c, endpointId).orElse(null);
            if (last != null && last.contentSha256().equals(content)) {
                return last.serial();
            }
            long serial = Math.max(clock.millis(), last == null ? 1 : last.serial() + 1);
            issues.save(c, endpointId, new Issue(serial, content));
            return serial;
        });
    }
}
