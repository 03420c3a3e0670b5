package vn.bantin.app.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import vn.bantin.app.report.ExceptionList;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.evidence.report.ExceptionItem;
import vn.bantin.evidence.report.Preemption;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.report.LiveTakeRepository;

/**
 * What an exception's words need beyond its status, read from the recorded plan, the live sessions and the connection
 * history: the plan's words for a broadcast it dropped, the live session that took the air from a bulletin, and when
 * an endpoint dropped out of a live session it was taking.
 */
public final class ExceptionCauses {

    private final ExpectedPlayRepository expected = new ExpectedPlayRepository();
    private final LiveTakeRepository live = new LiveTakeRepository();

    public ExceptionItem item(Connection c, ExceptionList list, EndpointFact endpoint, EntryState s)
            throws SQLException {
        BroadcastStatus status = s.status();
        boolean dropped = status == BroadcastStatus.DROPPED;
        boolean preempted = status == BroadcastStatus.PREEMPTED_LIVE;
        boolean liveOffline = status == BroadcastStatus.OFFLINE && RollupKey.isLiveSession(s.campaignId());
        if (!dropped && !preempted && !liveOffline) {
            return list.item(endpoint, s, null, null, null);
        }
        Optional<RecordedExpectation> plan = expected.byId(c, endpoint.id(), s.entryId());
        if (plan.isEmpty()) {
            return list.item(endpoint, s, null, null, null);
        }
        long start = plan.get().play().startMs();
        long end = plan.get().play().endMs();
        if (dropped) {
            return list.item(endpoint, s, plan.get().play().conflictReason(), null, null);
        }
        if (preempted) {
            Preemption by = live.onAirDuring(c, endpoint.id(), start, end).orElse(null);
            return list.item(endpoint, s, null, by, null);
        }
        return list.item(endpoint, s, null, null, live.disconnectedDuring(c, endpoint.id(), start, end).orElse(null));
    }
}
