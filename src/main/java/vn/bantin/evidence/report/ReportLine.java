package vn.bantin.evidence.report;

/**
 * One row of a report section.
 *
 * @param id       campaign, area or endpoint id; 0 where the row has none (topics, content kinds)
 * @param key      a stable key for the row: the id, the topic or the content kind
 * @param detail   what sits beside the name: a campaign's topic, an endpoint's area
 * @param coverage null where a row has no population of its own (endpoints, content kinds)
 * @param evidence endpoints only
 * @param recording a live session's row only: the recording of what was said on air, once kept
 */
public record ReportLine(long id, String key, String name, String detail, Figures figures, Coverage coverage,
                         EvidenceStatus evidence, Recording recording) {

    public ReportLine(long id, String key, String name, String detail, Figures figures, Coverage coverage,
                      EvidenceStatus evidence) {
        this(id, key, name, detail, figures, coverage, evidence, null);
    }
}
