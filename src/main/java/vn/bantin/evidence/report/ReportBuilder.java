package vn.bantin.evidence.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.ReportFacts.AreaFact;
import vn.bantin.evidence.report.ReportFacts.CampaignFact;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;

/**
 * Adds rollup cells up into a report's sections. Pure: the rollup reader and the full-scan baseline feed it the
 * same way. Every endpoint and every area below the scope gets a row, with zeros when nothing was expected or
 * played there: a report never leaves a place out.
 *
 * <p>Coverage: an endpoint aired a campaign in the period when at least one of its records of that campaign in
 * the period has outcome PLAYED (played to its end). The people of an area are reached when an endpoint that
 * reaches them aired (see {@link PopulationUnits}); households are those served by endpoints that aired.
 */
public final class ReportBuilder {

    static final String NO_TOPIC = "Chưa phân loại chủ đề";
    static final String OUTSIDE_CAMPAIGNS = "Ngoài chiến dịch (cảnh báo khẩn cấp)";

    private final Report.Scope scope;
    private final Report.Period period;
    private final long asOfMs;
    private final ReportFacts facts;
    private final boolean monthlySeries;
    private final AreaIndex areas;
    private final Map<Long, EndpointFact> endpoints = new HashMap<>();
    private final Map<Long, Map<Long, Figures>> byEndpointCampaign = new HashMap<>();
    private final Map<AssetKind, Figures> byKind = new EnumMap<>(AssetKind.class);
    private final Map<LocalDate, Map<String, Long>> series = new TreeMap<>();

    public ReportBuilder(Report.Scope scope, Report.Period period, long asOfMs, ReportFacts facts) {
        this.scope = scope;
        this.period = period;
        this.asOfMs = asOfMs;
        this.facts = facts;
        this.monthlySeries = spansMoreThanAMonth(period.from(), period.to());
        this.areas = new AreaIndex(facts.areas(), scope.areaId());
        for (EndpointFact e : facts.endpoints()) {
            endpoints.put(e.id(), e);
        }
    }

    /** Periods longer than a month are read from monthly cells and charted by month; shorter ones by day. */
    public static boolean spansMoreThanAMonth(LocalDate from, LocalDate to) {
        return to.isAfter(from.plusMonths(1).minusDays(1));
    }

    /** One cell; empty cells and cells of endpoints outside the scope are ignored. */
    public void add(RollupKey key, Figures f) {
        if (f.isZero() || !endpoints.containsKey(key.endpointId())
                || scope.campaignId() != null && key.campaignId() != scope.campaignId()
                || scope.kind() != null && key.kind() != scope.kind()
                || scope.topic() != null && !scope.topic().equals(topic(key.campaignId()))) {
            return;
        }
        byEndpointCampaign.computeIfAbsent(key.endpointId(), id -> new HashMap<>())
                .computeIfAbsent(key.campaignId(), id -> new Figures()).add(f);
        byKind.computeIfAbsent(key.kind(), k -> new Figures()).add(f);
        if (f.get(Measure.AIRTIME_MS) != 0) {
            LocalDate bucket = monthlySeries ? key.day().withDayOfMonth(1) : key.day();
            series.computeIfAbsent(bucket, b -> new TreeMap<>()).merge(topic(key.campaignId()),
                    f.get(Measure.AIRTIME_MS), Long::sum);
        }
    }

    public Report build() {
        Coverages coverages = new Coverages();
        Figures total = new Figures();
        byEndpointCampaign.values().forEach(m -> m.values().forEach(total::add));
        return new Report(scope, period, asOfMs, total, coverages.of(null, c -> true), campaignLines(coverages),
                areaLines(coverages), endpointLines(), topicLines(coverages), kindLines(), seriesPoints());
    }

    private List<ReportLine> campaignLines(Coverages coverages) {
        Map<Long, Figures> sums = new TreeMap<>();
        if (scope.campaignId() != null) {
            sums.put(scope.campaignId(), new Figures());
        }
        byEndpointCampaign.values().forEach(m -> m.forEach((id, f) -> sums.computeIfAbsent(id, k -> new Figures())
                .add(f)));
        List<ReportLine> lines = new ArrayList<>();
        sums.forEach((id, f) -> lines.add(new ReportLine(id, String.valueOf(id), campaignName(id), topic(id), f,
                coverages.of(null, c -> c == id), null, recording(id))));
        lines.sort(Comparator.comparing(ReportLine::name));
        return lines;
    }

    private List<ReportLine> areaLines(Coverages coverages) {
        Map<Long, Figures> rows = new HashMap<>();
        for (long id : areas.inScope()) {
            AreaFact a = areas.area(id);
            if (scope.areaId() == null ? a.parentId() == null : scope.areaId().equals(a.parentId())) {
                rows.put(id, new Figures());
            }
        }
        for (EndpointFact e : facts.endpoints()) {
            Long row = areas.rowOf(e.areaId());
            if (row != null) {
                rows.computeIfAbsent(row, k -> new Figures()).add(endpointTotal(e.id()));
            }
        }
        List<ReportLine> lines = new ArrayList<>();
        rows.forEach((id, f) -> {
            boolean direct = id.equals(scope.areaId());
            lines.add(new ReportLine(id, String.valueOf(id), areas.area(id).name() + (direct ? " (trực thuộc)" : ""),
                    null, f, direct ? null : coverages.of(id, c -> true), null));
        });
        lines.sort(Comparator.comparing(ReportLine::name));
        return lines;
    }

    private List<ReportLine> endpointLines() {
        List<ReportLine> lines = new ArrayList<>();
        for (EndpointFact e : facts.endpoints()) {
            AreaFact area = e.areaId() == null ? null : areas.area(e.areaId());
            lines.add(new ReportLine(e.id(), String.valueOf(e.id()), e.name(), area == null ? "Chưa gán khu vực"
                    : area.name(), endpointTotal(e.id()), null, EvidenceStatus.of(e.hasDevice(),
                    facts.evidence().getOrDefault(e.id(), DeviceEvidence.NONE))));
        }
        lines.sort(Comparator.comparing(ReportLine::detail).thenComparing(ReportLine::name));
        return lines;
    }

    private List<ReportLine> topicLines(Coverages coverages) {
        Map<String, Figures> sums = new TreeMap<>();
        byEndpointCampaign.values().forEach(m -> m.forEach((id, f) -> sums.computeIfAbsent(topic(id),
                k -> new Figures()).add(f)));
        List<ReportLine> lines = new ArrayList<>();
        sums.forEach((topic, f) -> lines.add(new ReportLine(0, topic, topic, null, f,
                coverages.of(null, c -> topic(c).equals(topic)), null)));
        return lines;
    }

    private List<ReportLine> kindLines() {
        List<ReportLine> lines = new ArrayList<>();
        byKind.forEach((kind, f) -> lines.add(new ReportLine(0, kind.name(), kindName(kind), null, f, null, null)));
        return lines;
    }

    private List<Report.SeriesPoint> seriesPoints() {
        List<Report.SeriesPoint> points = new ArrayList<>();
        series.forEach((bucket, topics) -> topics.forEach((topic, ms) ->
                points.add(new Report.SeriesPoint(bucket, topic, ms))));
        return points;
    }

    private Figures endpointTotal(long endpointId) {
        Figures f = new Figures();
        byEndpointCampaign.getOrDefault(endpointId, Map.of()).values().forEach(f::add);
        return f;
    }

    private String campaignName(long id) {
        return facts.campaignName(id);
    }

    private Recording recording(long campaignId) {
        CampaignFact c = facts.campaigns().get(campaignId);
        return c == null ? null : c.recording();
    }

    private String topic(long campaignId) {
        CampaignFact c = facts.campaigns().get(campaignId);
        return c == null || c.topic() == null || c.topic().isBlank() ? NO_TOPIC : c.topic();
    }

    public static String kindName(AssetKind kind) {
        return switch (kind) {
            case VIDEO -> "Video";
            case IMAGE -> "Ảnh, đồ họa thông tin";
            case AUDIO -> "Âm thanh (bản tin, thông báo)";
        };
    }

    /** Population and households reached, by area subtree and by which campaigns count. */
    private final class Coverages {
        private final PopulationUnits units = new PopulationUnits(areas);
        private final Map<Long, Set<Long>> unitCampaigns = new HashMap<>();

        Coverages() {
            for (EndpointFact e : facts.endpoints()) {
                Long unit = units.unitOf(e.areaId());
                if (unit != null) {
                    unitCampaigns.computeIfAbsent(unit, u -> new HashSet<>()).addAll(aired(e.id()));
                }
            }
        }

        Coverage of(Long root, LongPredicate campaigns) {
            long[] people = units.population(root, u -> unitCampaigns.getOrDefault(u, Set.of()).stream()
                    .anyMatch(campaigns::test));
            long households = 0;
            long reached = 0;
            for (EndpointFact e : facts.endpoints()) {
                boolean inRoot = root == null || e.areaId() != null && areas.contains(e.areaId())
                        && areas.upToScope(e.areaId()).contains(root);
                if (e.households() != null && inRoot) {
                    households += e.households();
                    if (aired(e.id()).stream().anyMatch(campaigns::test)) {
                        reached += e.households();
                    }
                }
            }
            return new Coverage(people[0], people[1], households, reached);
        }

        private Set<Long> aired(long endpointId) {
            Set<Long> out = new HashSet<>();
            byEndpointCampaign.getOrDefault(endpointId, Map.of()).forEach((c, f) -> {
                if (f.aired()) {
                    out.add(c);
                }
            });
            return out;
        }
    }
}
