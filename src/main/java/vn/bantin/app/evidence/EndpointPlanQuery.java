package vn.bantin.app.evidence;

import vn.bantin.access.Actor;
import vn.bantin.app.ApiException;
import vn.bantin.app.AreaScope;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.ExpectedOutcome;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.InvalidPayloadException;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoredPlay;
import vn.bantin.store.TimelineFetchRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What was expected of one endpoint over a period of local days, and what became of each expected play. */
public final class EndpointPlanQuery {

    private static final int MAX_DAYS = 93;

    private final Database db;
    private final EndpointRepository endpoints;
    private final ExpectedPlayRepository expected;
    private final PlayRecordRepository plays;
    private final TimelineFetchRepository fetches;
    private final AreaScope scope;
    private final ZoneId zone;
    private final Clock clock;

    public EndpointPlanQuery(Database db, EndpointRepository endpoints, ExpectedPlayRepository expected,
                             PlayRecordRepository plays, TimelineFetchRepository fetches, AreaScope scope, ZoneId zone,
                             Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.expected = expected;
        this.plays = plays;
        this.fetches = fetches;
        this.scope = scope;
        this.zone = zone;
        this.clock = clock;
    }

    /** @param from first local day (YYYY-MM-DD, default today), @param to last local day (default a week on) */
    public EndpointPlan of(Actor actor, long endpointId, String from, String to) {
        LocalPeriod period = LocalPeriod.parse(from, to, LocalDate.now(clock.withZone(zone)), d -> d.plusDays(7), zone,
                MAX_DAYS);
        long fromMs = period.fromMs();
        long toMs = period.toMs();
        long now = clock.millis();
        return db.read(c -> {
            Endpoint endpoint = endpoints.byId(c, endpointId)
                    .orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId));
            AreaScope.requireVisible(scope.of(c, actor), endpoint.areaId(), "thiết bị/endpoint", endpointId);
            List<RecordedExpectation> planned = expected.ofEndpoint(c, endpointId, fromMs, toMs);
            long recordsTo = planned.stream().mapToLong(e -> e.play().endMs()).max().orElse(toMs);
            List<PlayRecordPayload> records = parsed(plays.ofEndpointDue(c, endpointId, fromMs, Math.max(toMs, recordsTo)));
            List<EndpointPlan.Item> items = new ArrayList<>();
            for (RecordedExpectation e : planned) {
                items.add(new EndpointPlan.Item(e, ExpectedOutcome.judge(e, recordsOf(e.play(), records), now)));
            }
            return new EndpointPlan(endpointId, fromMs, toMs, items, fetches.ofEndpoint(c, endpointId, fromMs, toMs));
        });
    }

    /** A ONCE play's records name its entry; a loop's (a relay's) are its campaign's loop (relay) records due in its window. */
    private static List<PlayRecordPayload> recordsOf(ExpectedPlay play, List<PlayRecordPayload> records) {
        return records.stream().filter(r -> play.mode() == SlotMode.ONCE ? play.entryId().equals(r.entryId())
                : r.mode() == play.mode() && r.campaignId() != null && r.campaignId() == play.campaignId()
                && r.scheduledStart() >= play.startMs() && r.scheduledStart() < play.endMs()).toList();
    }

    /** Stored payloads were verified on the way in. */
    private static List<PlayRecordPayload> parsed(List<StoredPlay> stored) {
        List<PlayRecordPayload> out = new ArrayList<>(stored.size());
        for (StoredPlay p : stored) {
            try {
                out.add(PlayRecordPayload.parse(p.payload()));
            } catch (InvalidPayloadException e) {
                throw new IllegalStateException("stored record " + p.deviceId() + "/" + p.seq() + " is unreadable", e);
            }
        }
        return out;
    }
}
