package vn.bantin.app.report;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Set;
import vn.bantin.app.ApiException;
import vn.bantin.evidence.export.Heading;
import vn.bantin.evidence.export.ReportCsv;
import vn.bantin.evidence.export.ReportPdf;
import vn.bantin.evidence.export.ReportXlsx;
import vn.bantin.evidence.export.Sections;
import vn.bantin.evidence.report.ExceptionPage;
import vn.bantin.evidence.report.Report;

/** A computed report as a file: CSV (one table), XLSX (every table) or PDF (the annex to sign). */
public final class ReportExports {

    public record ExportFile(String fileName, String contentType, byte[] bytes) {
    }

    public static final Set<String> FORMATS = Set.of("csv", "xlsx", "pdf");
    private static final Set<String> TABLES = Set.of("campaign", "area", "endpoint", "topic", "kind");
    private static final int MAX_ISSUER = 200;

    private final String defaultIssuer;

    public ReportExports(String defaultIssuer) {
        this.defaultIssuer = defaultIssuer;
    }

    /** Refuses what cannot be exported before anything is computed. */
    public static void check(String format, String table, String issuer) {
        if (!FORMATS.contains(format)) {
            throw ApiException.badRequest("bad_format", "format phải là json, csv, xlsx hoặc pdf / format must be"
                    + " json, csv, xlsx or pdf");
        }
        if (table != null && !TABLES.contains(table)) {
            throw ApiException.badRequest("bad_by", "by phải là campaign, area, endpoint, topic hoặc kind / by must"
                    + " be campaign, area, endpoint, topic or kind");
        }
        if (issuer != null && (issuer.isBlank() || issuer.length() > MAX_ISSUER)) {
            throw ApiException.badRequest("bad_issuer", "Tên đơn vị lập báo cáo cần từ 1 đến " + MAX_ISSUER
                    + " ký tự / the issuing unit needs 1 to " + MAX_ISSUER + " characters");
        }
    }

    /** @param exceptions the first of the report's exceptions, listed in the XLSX and the PDF */
    public ExportFile export(Report r, ExceptionPage exceptions, String format, String table, String issuer) {
        check(format, table, issuer);
        String base = "bantin-bao-cao-" + r.period().from() + "_" + r.period().to();
        return switch (format) {
            case "csv" -> {
                String key = table == null ? "campaign" : table;
                yield new ExportFile(base + "-" + key + ".csv", "text/csv; charset=utf-8",
                        ReportCsv.write(Sections.byKey(r, key)));
            }
            case "xlsx" -> new ExportFile(base + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ReportXlsx.write(r, exceptions, heading(r, issuer)));
            default -> new ExportFile(base + ".pdf", "application/pdf", ReportPdf.write(r, exceptions,
                    heading(r, issuer)));
        };
    }

    private Heading heading(Report r, String issuer) {
        String area = r.scope().areaName();
        return new Heading(area == null ? null : "Ủy ban nhân dân " + area, issuer == null ? defaultIssuer
                : issuer.trim(), area, ZonedDateTime.ofInstant(Instant.ofEpochMilli(r.asOfMs()), r.period().zone()));
    }
}
