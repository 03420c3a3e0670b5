package vn.bantin.evidence.report;

import java.util.List;
import java.util.Map;
import vn.bantin.domain.EndpointKind;

/** What a report names and counts besides the rollup cells: the areas, endpoints and campaigns in scope. */
public record ReportFacts(List<AreaFact> areas, List<EndpointFact> endpoints, Map<Long, CampaignFact> campaigns,
                          Map<Long, DeviceEvidence> evidence) {

    public record AreaFact(long id, Long parentId, String name, Long population) {
    }

    public record EndpointFact(long id, String name, EndpointKind kind, Long areaId, Long households,
                               boolean hasDevice) {
    }

    public record CampaignFact(long id, String name, String topic) {
    }

    /** A campaign's name as reports print it, also for plays outside campaigns and campaigns since deleted. */
    public String campaignName(long id) {
        if (id == RollupKey.NO_CAMPAIGN) {
            return ReportBuilder.OUTSIDE_CAMPAIGNS;
        }
        CampaignFact c = campaigns.get(id);
        return c == null ? "Chiến dịch #" + id + " (không còn trong hệ thống)" : c.name();
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
