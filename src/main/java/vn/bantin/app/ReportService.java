package vn.bantin.app;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.bantin.access.Actor;
import vn.bantin.app.report.ReportCells;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.Report;
import vn.bantin.evidence.report.ReportBuilder;
import vn.bantin.evidence.report.ReportFacts;
import vn.bantin.evidence.report.ReportFacts.AreaFact;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;
import vn.bantin.schedule.AreaTree;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.report.DeviceEvidenceRepository;
import vn.bantin.store.report.ReportFactsRepository;

/**
 * Reports for a period and a scope (an area with everything below it, optionally one campaign), from the
 * rollups. Periods are local dates in the scope area's time zone.
 */
public final class ReportService {

    /**
     * @param at a date inside the named period wanted (default today): period=half&at=2026-03-01 is the first
     *           half of 2026
     */
    public record Query(String period, String from, String to, String at, Long areaId, Long campaignId,
                        Long endpointId, String topic, AssetKind kind) {

        public Query(String period, String from, String to, String at, Long areaId, Long campaignId) {
            this(period, from, to, at, areaId, campaignId, null, null, null);
        }

        Query inArea(Long area) {
            return new Query(period, from, to, at, area, campaignId, endpointId, topic, kind);
        }
    }

    private final Database db;
    private final AreaRepository areaRepo;
    private final ReportFactsRepository facts = new ReportFactsRepository();
    private final DeviceEvidenceRepository evidence = new DeviceEvidenceRepository();
    private final ReportCells cells;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final AreaScope scope;

    public ReportService(Database db, AreaRepository areaRepo, ZoneId defaultZone, Clock clock, AreaScope scope) {
        this.scope = scope;
        this.db = db;
        this.areaRepo = areaRepo;
        this.cells = new ReportCells(areaRepo);
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /**
     * The report on the area asked for, or on the actor's own area when none is; an area outside the actor's
     * scope is not found.
     */
    public Report report(Actor actor, Query q) {
        return compute(actor, q, false);
    }

    /** The same report worked out from the raw records: a baseline and a cross-check, never for users. */
    public Report reportByFullScan(Actor actor, Query q) {
        return compute(actor, q, true);
    }

    private Report compute(Actor actor, Query asked, boolean fullScan) {
        long now = clock.millis();
        return db.read(c -> {
            if (asked.areaId() != null) {
                scope.require(c, actor, asked.areaId());
            }
            Query q = asked.areaId() != null || actor.fullScope() ? asked : asked.inArea(actor.areaId());
            List<AreaFact> areas = facts.areas(c);
            AreaFact area = q.areaId() == null ? null : areas.stream().filter(a -> a.id() == q.areaId()).findFirst()
                    .orElseThrow(() -> ApiException.notFound("khu vực/area", q.areaId()));
            var campaigns = facts.campaigns(c);
            if (q.campaignId() != null && !campaigns.containsKey(q.campaignId())) {
                throw ApiException.notFound("chiến dịch/campaign", q.campaignId());
            }
            ZoneId zone = area == null ? defaultZone : new AreaTree(areaRepo.all(c)).zone(area.id());
            LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
            ReportPeriod p = ReportPeriod.parse(q.period(), q.from(), q.to(), zone, at(q.at(), today));
            ReportFacts scoped = new ReportFacts(areas, facts.endpoints(c), campaigns, evidence.byEndpoint(c))
                    .scopedTo(q.areaId());
            EndpointFact endpoint = q.endpointId() == null ? null : scoped.endpoint(q.endpointId())
                    .orElseThrow(() -> ApiException.notFound("điểm phát/endpoint", q.endpointId()));
            if (endpoint != null) {
                scoped = scoped.onlyEndpoint(endpoint);
            }
            Report.Scope scope = new Report.Scope(q.areaId(), area == null ? null : area.name(), q.campaignId(),
                    q.campaignId() == null ? null : campaigns.get(q.campaignId()).name(), q.endpointId(),
                    endpoint == null ? null : endpoint.name(), q.topic(), q.kind());
            ReportBuilder builder = new ReportBuilder(scope, new Report.Period(p.kind(), p.from(), p.to(), zone,
                    p.name()), now, scoped);
            List<Long> endpointIds = q.areaId() == null && endpoint == null ? null
                    : scoped.endpoints().stream().map(ReportFacts.EndpointFact::id).toList();
            cells.source(fullScan).read(c, p.from(), p.to(), today, now, endpointIds, q.campaignId(), builder::add);
            return builder.build();
        });
    }

    private static LocalDate at(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return today;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad_period", "Ngày 'at' phải có dạng YYYY-MM-DD / 'at' must be YYYY-MM-DD");
        }
    }
}
