package vn.bantin.app.report;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.evidence.report.ExceptionItem;
import vn.bantin.evidence.report.NameHistory;
import vn.bantin.evidence.report.Preemption;
import vn.bantin.evidence.report.ReportFacts;
import vn.bantin.evidence.report.ReportFacts.AreaFact;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;

/** How a report's exceptions are listed: endpoints in the report's order (area, then name), named. */
public final class ExceptionList {

    private static final String NO_AREA = "Chưa gán khu vực";

    private final ReportFacts facts;
    private final NameHistory names;
    private final Map<Long, String> areaNames = new HashMap<>();

    /** @param names what campaigns were called when each broadcast was due */
    public ExceptionList(ReportFacts facts, NameHistory names) {
        this.facts = facts;
        this.names = names;
        for (AreaFact a : facts.areas()) {
            areaNames.put(a.id(), a.name());
        }
    }

    public List<EndpointFact> endpoints() {
        return facts.endpoints().stream().sorted(Comparator.comparing(this::areaName)
                .thenComparing(EndpointFact::name).thenComparingLong(EndpointFact::id)).toList();
    }

    /**
     * @param planReason     the plan's words for a broadcast it dropped, else null
     * @param preemptedBy    the live session that took the air from it, else null
     * @param disconnectedAt when the endpoint dropped out of the live session this entry is, else null
     */
    public ExceptionItem item(EndpointFact endpoint, EntryState entry, String planReason, Preemption preemptedBy,
                              Long disconnectedAt) {
        return new ExceptionItem(endpoint.id(), endpoint.name(), areaName(endpoint), entry.campaignId(),
                names.at(NameHistory.Named.CAMPAIGN, entry.campaignId(), entry.startMs())
                        .orElse(facts.campaignName(entry.campaignId())), entry.entryId(), entry.startMs(), entry.status(),
                planReason, preemptedBy, disconnectedAt);
    }

    /**
     * A stretch of a LOOP or relay window a live session took the air over, listed like a bulletin it preempted; one
     * an alert took, listed as cut by it.
     */
    public ExceptionItem windowItem(EndpointFact endpoint, long campaignId, String entryId, long fromMs,
                                    Preemption by) {
        BroadcastStatus status = by != null && by.byAlert() ? BroadcastStatus.INTERRUPTED
                : BroadcastStatus.PREEMPTED_LIVE;
        return new ExceptionItem(endpoint.id(), endpoint.name(), areaName(endpoint), campaignId,
                names.at(NameHistory.Named.CAMPAIGN, campaignId, fromMs).orElse(facts.campaignName(campaignId)),
                entryId, fromMs, status, null, by, null);
    }

    private String areaName(EndpointFact e) {
        return e.areaId() == null ? NO_AREA : areaNames.getOrDefault(e.areaId(), NO_AREA);
    }
}
