package vn.bantin.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import vn.bantin.access.Actor;
import vn.bantin.app.evidence.ExceptionCauses;
import vn.bantin.app.report.ExceptionList;
import vn.bantin.app.report.ReportCells;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.evidence.report.ExceptionItem;
import vn.bantin.evidence.report.ExceptionPage;
import vn.bantin.evidence.report.NameHistory;
import vn.bantin.evidence.report.Report;
import vn.bantin.evidence.report.ReportBuilder;
import vn.bantin.evidence.report.ReportFacts;
import vn.bantin.evidence.report.ReportFacts.AreaFact;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;
import vn.bantin.schedule.AreaTree;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.report.DeviceEvidenceRepository;
import vn.bantin.store.report.EntryRepository;
import vn.bantin.store.report.NameHistoryRepository;
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

    public static final int MAX_EXCEPTIONS = 500;

    private final Database db;
    private final AreaRepository areaRepo;
    private final ReportFactsRepository facts = new ReportFactsRepository();
    private final DeviceEvidenceRepository evidence = new DeviceEvidenceRepository();
    private final EntryRepository entries = new EntryRepository();
    private final NameHistoryRepository names = new NameHistoryRepository();
    private final ExceptionCauses causes = new ExceptionCauses();
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
        return db.snapshot(c -> {
            Asked a = resolve(c, actor, asked);
            ReportBuilder builder = new ReportBuilder(a.scope(), a.period(), now, a.facts());
            cells.source(fullScan).read(c, a.from(), a.to(), a.today(), now, a.endpointIds(), a.q().campaignId(),
                    builder::add);
            return builder.build();
        });
    }

    /**
     * The expected broadcasts of the report's period and scope that did not play, endpoint by endpoint as the report
     * lists them, by due time: limit of them from offset on.
     */
    public ExceptionPage exceptions(Actor actor, Query asked, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_EXCEPTIONS) {
            throw ApiException.badRequest("bad_page", "offset ≥ 0, limit từ 1 đến " + MAX_EXCEPTIONS
                    + " / offset must be 0 or more, limit 1 to " + MAX_EXCEPTIONS);
        }
        long now = clock.millis();
        return db.snapshot(c -> {
            Asked a = resolve(c, actor, asked);
            LocalDate last = a.to().isAfter(a.today().plusDays(1)) ? a.today().plusDays(1) : a.to();
            ExceptionList list = new ExceptionList(a.facts(), a.names());
            List<ExceptionItem> items = new ArrayList<>();
            for (ReportFacts.EndpointFact e : list.endpoints()) {
                int wanted = offset + limit + 1 - items.size();
                if (wanted <= 0 || a.from().isAfter(last)) {
                    break;
                }
                List<ExceptionItem> mine = new ArrayList<>();
                for (EntryState s : entries.exceptionsOf(c, e.id(), a.from(), last, now, a.q().campaignId(), wanted)) {
                    mine.add(causes.item(c, list, e, s));
                }
                mine.addAll(causes.windowItems(c, list, e, a.from(), last, now, a.q().campaignId()));
                mine.sort(java.util.Comparator.comparingLong(ExceptionItem::dueMs));
                items.addAll(mine.subList(0, Math.min(wanted, mine.size())));
            }
            boolean more = items.size() > offset + limit;
            List<ExceptionItem> page = items.subList(Math.min(offset, items.size()),
                    Math.min(offset + limit, items.size()));
            return new ExceptionPage(a.scope(), a.period(), now, offset, List.copyOf(page), more);
        });
    }

    /** A query resolved against the actor's scope and the area's time zone. */
    private record Asked(Query q, Report.Scope scope, Report.Period period, LocalDate today, ReportFacts facts,
                         NameHistory names) {
        LocalDate from() {
            return period.from();
        }

        LocalDate to() {
            return period.to();
        }

        List<Long> endpointIds() {
            return facts.endpoints().stream().map(ReportFacts.EndpointFact::id).toList();
        }
    }

    private Asked resolve(Connection c, Actor actor, Query asked) throws SQLException {
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
        long fromMs = p.from().atStartOfDay(zone).toInstant().toEpochMilli();
        long toMs = p.to().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        NameHistory names = new NameHistory(this.names.until(c, toMs));
        ReportFacts scoped = new ReportFacts(areas, facts.endpoints(c), campaigns, evidence.byEndpoint(c))
                .namedAsIn(names, fromMs, toMs).scopedTo(q.areaId());
        EndpointFact endpoint = q.endpointId() == null ? null : scoped.endpoint(q.endpointId())
                .orElseThrow(() -> ApiException.notFound("điểm phát/endpoint", q.endpointId()));
        if (endpoint != null) {
            scoped = scoped.onlyEndpoint(endpoint);
        }
        Report.Scope reportScope = new Report.Scope(q.areaId(), area == null ? null
                : names.during(NameHistory.Named.AREA, area.id(), fromMs, toMs).orElse(area.name()), q.campaignId(),
                q.campaignId() == null ? null : scoped.campaignName(q.campaignId()), q.endpointId(),
                endpoint == null ? null : endpoint.name(), q.topic(), q.kind());
        return new Asked(q, reportScope, new Report.Period(p.kind(), p.from(), p.to(), zone, p.name()), today, scoped,
                names);
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
