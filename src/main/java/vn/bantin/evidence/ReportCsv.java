package vn.bantin.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The report as CSV a commune can file: UTF-8 with a byte-order mark so spreadsheet programs show the
 * Vietnamese diacritics, RFC 4180 quoting, Vietnamese headers.
 */
public final class ReportCsv {

    private static final String HEADER = "Loại,Mã,Tên,Dự kiến,Đã phát,Tỷ lệ hoàn thành (%),Thời lượng phát (phút),"
            + "Bỏ lỡ,Bị ngắt,Lỗi";

    private ReportCsv() {
    }

    public static byte[] write(String title, ReportCalculator.Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(quote(title)).append("\r\n").append(HEADER).append("\r\n");
        rows(sb, "Chiến dịch", report.campaigns());
        rows(sb, "Thiết bị", report.endpoints());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void rows(StringBuilder sb, String type, List<ReportCalculator.Row> rows) {
        for (ReportCalculator.Row r : rows) {
            sb.append(String.join(",", quote(type), Long.toString(r.id()), quote(r.name() == null ? "" : r.name()),
                    Long.toString(r.expected()), Long.toString(r.played()),
                    r.completionRate() == null ? "" : String.format(Locale.ROOT, "%.1f", r.completionRate() * 100),
                    String.format(Locale.ROOT, "%.1f", r.airtimeMs() / 60000.0), Long.toString(r.missed()),
                    Long.toString(r.interrupted()), Long.toString(r.failed()))).append("\r\n");
        }
    }

    static String quote(String raw) {
        // a leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection)
        String field = !raw.isEmpty() && "=+-@".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
