package vn.bantin.app;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.evidence.ReportCalculator;
import vn.bantin.evidence.ReportCsv;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.PlayRecordRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reports for a period: expected plays due so far against signed play records. */
public final class ReportService {

    public record CsvFile(String fileName, byte[] bytes) {
    }

    private record Computed(ReportPeriod period, ReportCalculator.Report report) {
    }

    private final Database db;
    private final ExpectedPlayRepository expected;
    private final PlayRecordRepository plays;
    private final CampaignRepository campaigns;
    private final EndpointRepository endpoints;
    private final ZoneId zone;
    private final Clock clock;

    public ReportService(Database db, ExpectedPlayRepository expected, PlayRecordRepository plays,
                         CampaignRepository campaigns, EndpointRepository endpoints, ZoneId zone, Clock clock) {
        this.db = db;
        this.expected = expected;
        this.plays = plays;
        this.campaigns = campaigns;
        this.endpoints = endpoints;
        this.zone = zone;
        this.clock = clock;
    }

    public JsonObject json(String period, String from, String to) {
        Computed c = compute(period, from, to);
        return new JsonObject()
                .put("period", new JsonObject().put("from", c.period().from().toString())
                        .put("to", c.period().to().toString()).put("zone", zone.getId()))
                .put("campaigns", rows(c.report().campaigns(), "campaignId"))
                .put("endpoints", rows(c.report().endpoints(), "endpointId"))
                .put("total", row(c.report().total(), null));
    }

    public CsvFile csv(String period, String from, String to) {
        Computed c = compute(period, from, to);
        String title = "Báo cáo phát sóng Bantin từ " + c.period().from() + " đến " + c.period().to();
        return new CsvFile("bantin-bao-cao-" + c.period().from() + "_" + c.period().to() + ".csv",
                ReportCsv.write(title, c.report()));
    }

    private Computed compute(String period, String from, String to) {
        long now = clock.millis();
        ReportPeriod p = ReportPeriod.parse(period, from, to, zone, LocalDate.ofInstant(clock.instant(), zone));
        long dueBefore = Math.min(now, p.toMsExclusive());
        return db.read(c -> {
            Map<Long, String> campaignNames = campaigns.all(c).stream()
                    .collect(Collectors.toMap(Campaign::id, Campaign::name));
            Map<Long, String> endpointNames = endpoints.all(c).stream()
                    .collect(Collectors.toMap(Endpoint::id, Endpoint::name));
            List<ReportCalculator.Expected> due = expected.startingIn(c, p.fromMs(), dueBefore).stream()
                    .map(e -> new ReportCalculator.Expected(e.endpointId(), e.entryId(), e.campaignId(), e.startMs()))
                    .toList();
            List<ReportCalculator.Play> played = plays.startedIn(c, p.fromMs(), p.toMsExclusive()).stream()
                    .map(r -> new ReportCalculator.Play(r.endpointId(), r.entryId(), r.campaignId(), r.outcome(),
                            r.actualStart(), r.actualEnd())).toList();
            return new Computed(p, ReportCalculator.calculate(due, played, campaignNames::get, endpointNames::get));
        });
    }

    private static JsonArray rows(List<ReportCalculator.Row> rows, String idField) {
        return new JsonArray(rows.stream().map(r -> row(r, idField)).toList());
    }

    private static JsonObject row(ReportCalculator.Row r, String idField) {
        JsonObject o = new JsonObject();
        if (idField != null) {
            o.put(idField, r.id()).put("name", r.name());
        }
        return o.put("expected", r.expected()).put("played", r.played()).put("completionRate", r.completionRate())
                .put("airtimeMs", r.airtimeMs()).put("missed", r.missed()).put("interrupted", r.interrupted())
                .put("failed", r.failed());
    }
}
