package vn.bantin.app.evidence;

import vn.bantin.app.report.ReportRollups;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.report.EntryRepository;
import vn.bantin.store.report.LiveTakeRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Once an expected play has ended (and a grace for its record to arrive has passed) with no record, says
 * why no record can come, in words a staff member understands: NOT_DELIVERED when the endpoint never
 * received a timeline holding it before it ended; OFFLINE when it did but has not been heard from since
 * before it started, or (a live session's broadcast) its connection history shows it went silent during it.
 * Otherwise no reason is known (a record may still be on its way). Each play is judged once; a record
 * arriving later always tells more. A campaign's bulletin that a live session the endpoint took overlapped
 * is PREEMPTED_LIVE, record or not, unless a record says it played to its end ({@code EntryState#status}).
 */
public final class ExpectedPlayClassifier {

    static final Duration GRACE = Duration.ofMinutes(2);
    private static final int BATCH = 500;

    private final Database db;
    private final ExpectedPlayRepository expected;
    private final PlayRecordRepository plays;
    private final EndpointRepository endpoints;
    private final ReportRollups rollups;
    private final Clock clock;
    private final LiveTakeRepository live = new LiveTakeRepository();
    private final EntryRepository entries = new EntryRepository();

    public ExpectedPlayClassifier(Database db, ExpectedPlayRepository expected, PlayRecordRepository plays,
                                  EndpointRepository endpoints, ReportRollups rollups, Clock clock) {
        this.db = db;
        this.expected = expected;
        this.plays = plays;
        this.endpoints = endpoints;
        this.rollups = rollups;
        this.clock = clock;
    }

    /** Classifies every play that ended more than the grace ago; returns how many were given a reason. */
    public int run() {
        int reasons = 0;
        int seen;
        do {
            long now = clock.millis();
            int[] counts = db.tx(c -> {
                List<ExpectedPlayRepository.Unclassified> due = expected.unclassified(c, now - GRACE.toMillis(), BATCH);
                int given = 0;
                for (ExpectedPlayRepository.Unclassified p : due) {
                    PlanReason reason = reason(c, p);
                    expected.classify(c, p.endpointId(), p.entryId(), reason, now);
                    if (reason != null) {
                        rollups.classified(c, p.endpointId(), p.entryId(), reason);
                        given++;
                    }
                }
                return new int[] {due.size(), given};
            });
            seen = counts[0];
            reasons += counts[1];
        } while (seen == BATCH);
        return reasons;
    }

    private PlanReason reason(java.sql.Connection c, ExpectedPlayRepository.Unclassified p) throws java.sql.SQLException {
        if (preemptedByLive(c, p)) {
            return PlanReason.PREEMPTED_LIVE;
        }
        // a ONCE entry's records leave their outcome on its report_entry row, in the transaction that stores them
        boolean recorded = p.mode() == SlotMode.ONCE
                ? entries.byId(c, p.endpointId(), p.entryId()).map(e -> e.recordOutcome() != null).orElse(false)
                : plays.hasLoopPlay(c, p.endpointId(), p.campaignId(), p.startMs(), p.endMs());
        if (recorded) {
            return null;
        }
        if (p.deliveredAt() == null) {
            return PlanReason.NOT_DELIVERED;
        }
        if (RollupKey.isLiveSession(p.campaignId())
                && live.disconnectedDuring(c, p.endpointId(), p.startMs(), p.endMs()).isPresent()) {
            return PlanReason.OFFLINE;
        }
        Long lastSeen = endpoints.liveness(c, p.endpointId()).map(EndpointRepository.Liveness::lastSeenAt).orElse(null);
        return lastSeen == null || lastSeen < p.startMs() ? PlanReason.OFFLINE : null;
    }

    /**
     * A campaign's bulletin on the air of a live session the endpoint took, and no record that it played to its end
     * (the agent deferred it and played it after the session, say): it yielded to the session.
     */
    private boolean preemptedByLive(java.sql.Connection c, ExpectedPlayRepository.Unclassified p)
            throws java.sql.SQLException {
        return p.mode() == SlotMode.ONCE && p.campaignId() > 0
                && !live.airDuring(c, p.endpointId(), p.startMs(), p.endMs()).isEmpty()
                && entries.byId(c, p.endpointId(), p.entryId())
                .map(e -> e.recordOutcome() != PlayOutcome.PLAYED).orElse(true);
    }
}
