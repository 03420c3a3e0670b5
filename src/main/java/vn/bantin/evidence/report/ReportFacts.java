package vn.bantin.evidence.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.bantin.domain.EndpointKind;
import vn.bantin.evidence.report.NameHistory.Named;

/** What a report names and counts besides the rollup cells: the areas, endpoints and campaigns in scope. */
public record ReportFacts(List<AreaFact> areas, List<EndpointFact> endpoints, Map<Long, CampaignFact> campaigns,
                          Map<Long, DeviceEvidence> evidence) {

    public record AreaFact(long id, Long parentId, String name, Long population) {
    }

    public record EndpointFact(long id, String name, EndpointKind kind, Long areaId, Long households,
                               boolean hasDevice) {
    }

    /** @param recording a live session's recording, once it is kept; null for campaigns */
    public record CampaignFact(long id, String name, String topic, Recording recording) {

        public CampaignFact(long id, String name, String topic) {
            this(id, name, topic, null);
        }
    }

    public Optional<EndpointFact> endpoint(long id) {
        return endpoints.stream().filter(e -> e.id() == id).findFirst();
    }

    /** The same facts with one endpoint only (a report on that endpoint). */
    public ReportFacts onlyEndpoint(EndpointFact endpoint) {
        return new ReportFacts(areas, List.of(endpoint), campaigns, evidence);
    }

    /** A campaign's name as reports print it, also for plays outside campaigns and campaigns since deleted. */
    public String campaignName(long id) {
        if (id == RollupKey.NO_CAMPAIGN) {
            return ReportBuilder.OUTSIDE_CAMPAIGNS;
        }
        CampaignFact c = campaigns.get(id);
        return c == null ? "Chiến dịch #" + id + " (không còn trong hệ thống)" : c.name();
    }

    /**
     * The same facts with the names things had in [fromMs, toMs) where the evidence knows them (today's names
     * otherwise), campaigns deleted since included.
     */
    public ReportFacts namedAsIn(NameHistory names, long fromMs, long toMs) {
        List<AreaFact> named = areas.stream().map(a -> new AreaFact(a.id(), a.parentId(),
                names.during(Named.AREA, a.id(), fromMs, toMs).orElse(a.name()), a.population())).toList();
        List<EndpointFact> where = endpoints.stream().map(e -> new EndpointFact(e.id(),
                names.during(Named.ENDPOINT, e.id(), fromMs, toMs).orElse(e.name()), e.kind(), e.areaId(),
                e.households(), e.hasDevice())).toList();
        Map<Long, CampaignFact> what = new LinkedHashMap<>();
        campaigns.values().forEach(c -> what.put(c.id(), new CampaignFact(c.id(),
                names.during(Named.CAMPAIGN, c.id(), fromMs, toMs).orElse(c.name()),
                names.during(Named.TOPIC, c.id(), fromMs, toMs).orElse(c.topic()), c.recording())));
        for (long id : names.ids(Named.CAMPAIGN)) {
            if (!what.containsKey(id)) {
                names.during(Named.CAMPAIGN, id, fromMs, toMs).ifPresent(name -> what.put(id, new CampaignFact(id,
                        name + " (đã xóa khỏi hệ thống)", names.during(Named.TOPIC, id, fromMs, toMs).orElse(null))));
            }
        }
        return new ReportFacts(named, where, what, evidence);
    }

    /** The same facts with only the endpoints in the subtree of areaId (all of them for null). */
    public ReportFacts scopedTo(Long areaId) {
        if (areaId == null) {
            return this;
        }
        AreaIndex index = new AreaIndex(areas, areaId);
        return new ReportFacts(areas, endpoints.stream().filter(e -> index.contains(e.areaId())).toList(), campaigns,
                evidence);
    }
}
