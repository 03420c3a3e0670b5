package vn.bantin.app.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.bantin.app.report.ExceptionList;
import vn.bantin.app.report.LiveAirTaken;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.evidence.report.ExceptionItem;
import vn.bantin.evidence.report.LiveAir;
import vn.bantin.evidence.report.Preemption;
import vn.bantin.evidence.report.PreemptedPart;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.report.LiveTakeRepository;
import vn.bantin.store.report.WindowRepository;

/**
 * What an exception's words need beyond its status, read from the recorded plan, the live sessions and the connection
 * history: the plan's words for a broadcast it dropped, the live session that took the air from a bulletin or from a
 * stretch of a LOOP or relay window (or the alert that took it from such a stretch), and when an endpoint dropped out
 * of a live session it was taking.
 */
public final class ExceptionCauses {

    private final ExpectedPlayRepository expected = new ExpectedPlayRepository();
    private final LiveTakeRepository live = new LiveTakeRepository();
    private final WindowRepository windows = new WindowRepository();
    private final LiveAirTaken air = new LiveAirTaken();

    /**
     * The stretches of the endpoint's LOOP and relay windows live sessions and alerts took on first..last (started
     * before untilMs), one item per window and session or alert, by time.
     */
    public List<ExceptionItem> windowItems(Connection c, ExceptionList list, EndpointFact endpoint, LocalDate first,
                                           LocalDate last, long untilMs, Long campaignId) throws SQLException {
        List<PreemptedPart> taken = windows.takenOf(c, endpoint.id(), first, last, untilMs).stream()
                .filter(p -> campaignId == null || p.part().campaignId() == campaignId).toList();
        if (taken.isEmpty()) {
            return List.of();
        }
        long from = taken.stream().mapToLong(p -> p.part().startMs()).min().orElseThrow();
        long to = taken.stream().mapToLong(p -> p.part().endMs()).max().orElseThrow();
        Map<String, Preemption> takers = new HashMap<>();
        air.airDuring(c, endpoint.id(), from, to).spans()
                .forEach(s -> takers.putIfAbsent(s.by() + "/" + s.id(), s.preemption()));
        Map<String, PreemptedPart> earliest = new LinkedHashMap<>();
        for (PreemptedPart p : taken) {
            earliest.merge(p.part().entryId() + "/" + p.by() + "/" + p.byId(), p,
                    (a, b) -> a.part().startMs() <= b.part().startMs() ? a : b);
        }
        List<ExceptionItem> items = new ArrayList<>();
        for (PreemptedPart p : earliest.values()) {
            WindowPart w = p.part();
            items.add(list.windowItem(endpoint, w.campaignId(), w.entryId(), w.startMs(),
                    takers.get(p.by() + "/" + p.byId())));
        }
        items.sort(Comparator.comparingLong(ExceptionItem::dueMs));
        return items;
    }

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
            Preemption by = live.airDuring(c, endpoint.id(), start, end).during(start, end)
                    .map(LiveAir.Span::preemption).orElse(null);
            return list.item(endpoint, s, null, by, null);
        }
        return list.item(endpoint, s, null, null, live.disconnectedDuring(c, endpoint.id(), start, end).orElse(null));
    }
}
