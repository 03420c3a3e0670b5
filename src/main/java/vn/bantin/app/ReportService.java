package vn.bantin.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.evidence.EndpointPlay;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.InvalidPayloadException;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.ReportCalculator;
import vn.bantin.evidence.ReportCsv;
import vn.bantin.evidence.ReportRow;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoredPlay;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reports for a period: broadcasts expected and due so far, against the signed play records. */
public final class ReportService {

    public record CsvFile(String fileName, byte[] bytes) {
    }

    private record Computed(ReportPeriod period, ReportCalculator.Report report, Map<Long, String> campaignNames,
                            Map<Long, String> endpointNames) {
    }

    private final Database db;
    private final ExpectedPlayRepository expected;
    private final PlayRecordRepository plays;
    private final CampaignRepository campaigns;
    private final EndpointRepository endpoints;
    private final ZoneId zone;
    private final Clock clock;
    private final AreaScope scope;

    public ReportService(Database db, ExpectedPlayRepository expected, PlayRecordRepository plays,
                         CampaignRepository campaigns, EndpointRepository endpoints, ZoneId zone, Clock clock,
                         AreaScope scope) {
        this.scope = scope;
        this.db = db;
        this.expected = expected;
        this.plays = plays;
        this.campaigns = campaigns;
        this.endpoints = endpoints;
        this.zone = zone;
        this.clock = clock;
    }

    /** Counts only the endpoints in the actor's scope. */
    public JsonObject json(Actor actor, String period, String from, String to) {
        Computed c = compute(actor, period, from, to);
        return new JsonObject()
                .put("period", new JsonObject().put("from", c.period().from().toString())
                        .put("to", c.period().to().toString()).put("zone", zone.getId()))
                .put("campaigns", rows(c.report().byCampaign(), "campaignId", c.campaignNames()))
                .put("endpoints", rows(c.report().byEndpoint(), "endpointId", c.endpointNames()))
                .put("total", row(c.report().total(), null, Map.of()));
    }

    /** by = "campaign" (default) or "endpoint". */
    public CsvFile csv(Actor actor, String period, String from, String to, String by) {
        Computed c = compute(actor, period, from, to);
        boolean byEndpoint = "endpoint".equals(by);
        if (by != null && !byEndpoint && !"campaign".equals(by)) {
            throw ApiException.badRequest("bad_by", "by phải là campaign hoặc endpoint / by must be campaign or"
                    + " endpoint");
        }
        byte[] bytes = byEndpoint ? ReportCsv.byEndpoint(c.report(), id -> c.endpointNames().get(id))
                : ReportCsv.byCampaign(c.report(), id -> c.campaignNames().get(id));
        return new CsvFile("bantin-bao-cao-" + (byEndpoint ? "diem-phat-" : "chien-dich-") + c.period().from() + "_"
                + c.period().to() + ".csv", bytes);
    }

    private Computed compute(Actor actor, String period, String from, String to) {
        long now = clock.millis();
        ReportPeriod p = ReportPeriod.parse(period, from, to, zone, LocalDate.ofInstant(clock.instant(), zone));
        long dueBefore = Math.min(now, p.toMsExclusive());
        return db.read(c -> {
            Map<Long, String> campaignNames = campaigns.all(c).stream()
                    .collect(Collectors.toMap(Campaign::id, Campaign::name));
            Scope visible = scope.of(c, actor);
            Map<Long, String> endpointNames = endpoints.all(c).stream().filter(e -> visible.contains(e.areaId()))
                    .collect(Collectors.toMap(Endpoint::id, Endpoint::name));
            List<ExpectedPlay> due = expected.startingIn(c, p.fromMs(), dueBefore).stream()
                    .filter(e -> endpointNames.containsKey(e.endpointId())).toList();
            List<EndpointPlay> played = new ArrayList<>();
            for (StoredPlay r : plays.startedIn(c, p.fromMs(), p.toMsExclusive())) {
                if (endpointNames.containsKey(r.endpointId())) {
                    played.add(new EndpointPlay(r.endpointId(), parse(r)));
                }
            }
            return new Computed(p, ReportCalculator.calculate(p.fromMs(), p.toMsExclusive(), due, played),
                    campaignNames, endpointNames);
        });
    }

    /** Stored payloads were verified on the way in; one that no longer parses means the store was tampered with. */
    private static PlayRecordPayload parse(StoredPlay r) {
        try {
            return PlayRecordPayload.parse(r.payload());
        } catch (InvalidPayloadException e) {
            throw new IllegalStateException("Stored play record " + r.deviceId() + "/" + r.seq() + " is unreadable", e);
        }
    }

    private static JsonArray rows(List<ReportRow> rows, String idField, Map<Long, String> names) {
        return new JsonArray(rows.stream().map(r -> row(r, idField, names)).toList());
    }

    private static JsonObject row(ReportRow r, String idField, Map<Long, String> names) {
        JsonObject o = new JsonObject();
        if (idField != null) {
            o.put(idField, r.id()).put("name", names.get(r.id()));
        }
        return o.put("expected", r.expected()).put("played", r.played()).put("completionRate", r.completionRate())
                .put("airtimeMs", r.airtimeMs()).put("missed", r.missed()).put("interrupted", r.interrupted())
                .put("failed", r.failed()).put("unreported", r.unreported());
    }
}
