package vn.bantin.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Report rows as CSV for Excel: UTF-8 with a byte order mark (without it Excel guesses a legacy code page
 * and mangles Vietnamese diacritics), CRLF line ends and RFC 4180 quoting. Names that start like a formula
 * get a leading apostrophe so a spreadsheet shows them instead of evaluating them. Numbers use a dot as the
 * decimal mark whatever the locale.
 */
public final class ReportCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String COLUMNS = ",Dự kiến,Đã phát,Tỷ lệ hoàn thành (%),Thời lượng phát (phút),"
            + "Bỏ lỡ,Bị ngắt,Lỗi,Không có báo cáo";
    private static final String TOTAL = "Tổng cộng";

    private ReportCsv() {
    }

    public static byte[] byCampaign(ReportCalculator.Report report, LongFunction<String> campaignName) {
        return write("Chiến dịch", report.byCampaign(), report.total(), campaignName);
    }

    public static byte[] byEndpoint(ReportCalculator.Report report, LongFunction<String> endpointName) {
        return write("Điểm phát", report.byEndpoint(), report.total(), endpointName);
    }

    private static byte[] write(String firstColumn, List<ReportRow> rows, ReportRow total, LongFunction<String> name) {
        StringBuilder csv = new StringBuilder(firstColumn).append(COLUMNS).append("\r\n");
        for (ReportRow row : rows) {
            line(csv, name.apply(row.id()), row);
        }
        line(csv, TOTAL, total);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, String name, ReportRow row) {
        csv.append(field(name)).append(',')
                .append(row.expected()).append(',')
                .append(row.played()).append(',')
                .append(row.completionRate() == null ? "" : String.format(Locale.ROOT, "%.1f", row.completionRate() * 100))
                .append(',')
                .append(String.format(Locale.ROOT, "%.1f", row.airtimeMs() / 60_000.0)).append(',')
                .append(row.missed()).append(',')
                .append(row.interrupted()).append(',')
                .append(row.failed()).append(',')
                .append(row.unreported()).append("\r\n");
    }

    /** One text field, quoted when RFC 4180 needs it and defused when it looks like a formula. */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
