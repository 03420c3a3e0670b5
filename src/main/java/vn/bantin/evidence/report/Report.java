package vn.bantin.evidence.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A report as filed: what it covers and every section, computed once and rendered as JSON, CSV, XLSX or PDF.
 *
 * @param asOfMs plans count only once due: broadcasts that started before this instant
 */
public record Report(Scope scope, Period period, long asOfMs, Figures total, Coverage coverage,
                     List<ReportLine> campaigns, List<ReportLine> areas, List<ReportLine> endpoints,
                     List<ReportLine> topics, List<ReportLine> kinds, List<SeriesPoint> series) {

    /** @param areaId null for the whole tree; campaignId null for every campaign */
    public record Scope(Long areaId, String areaName, Long campaignId, String campaignName) {
    }

    /** @param name what the period is called, e.g. "6 tháng đầu năm 2026" */
    public record Period(String kind, LocalDate from, LocalDate to, ZoneId zone, String name) {
    }

    /** Airtime of one topic in one bucket (a month, or a day in a period of a month or less). */
    public record SeriesPoint(LocalDate bucket, String topic, long airtimeMs) {
    }
}
