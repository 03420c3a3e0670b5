package vn.bantin.evidence.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import vn.bantin.domain.AssetKind;

/**
 * A report as filed: what it covers and every section, computed once and rendered as JSON, CSV, XLSX or PDF.
 *
 * @param asOfMs plans count only once due: broadcasts that started before this instant
 */
public record Report(Scope scope, Period period, long asOfMs, Figures total, Coverage coverage,
                     List<ReportLine> campaigns, List<ReportLine> areas, List<ReportLine> endpoints,
                     List<ReportLine> topics, List<ReportLine> kinds, List<SeriesPoint> series) {

    /**
     * @param areaId null for the whole tree; campaignId null for every campaign
     * @param endpointId one endpoint, or null for every endpoint of the area
     * @param topic only campaigns of this topic, or null
     * @param kind only this content kind, or null
     */
    public record Scope(Long areaId, String areaName, Long campaignId, String campaignName, Long endpointId,
                        String endpointName, String topic, AssetKind kind) {

        public Scope(Long areaId, String areaName, Long campaignId, String campaignName) {
            this(areaId, areaName, campaignId, campaignName, null, null, null, null);
        }
    }

    /** @param name what the period is called, e.g. "6 tháng đầu năm 2026" */
    public record Period(String kind, LocalDate from, LocalDate to, ZoneId zone, String name) {
    }

    /** Airtime of one topic in one bucket (a month, or a day in a period of a month or less). */
    public record SeriesPoint(LocalDate bucket, String topic, long airtimeMs) {
    }
}
