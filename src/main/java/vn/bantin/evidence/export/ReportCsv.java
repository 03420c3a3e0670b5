package vn.bantin.evidence.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.bantin.evidence.report.ReportLine;

/**
 * One report table as CSV for Excel: UTF-8 with a byte order mark (without it Excel guesses a legacy code page
 * and mangles Vietnamese diacritics), CRLF line ends and RFC 4180 quoting. Text that starts like a formula gets a
 * leading apostrophe so a spreadsheet shows it instead of evaluating it. Numbers use a dot as the decimal mark
 * whatever the locale; an empty cell means "not applicable" (no rate when nothing was expected).
 */
public final class ReportCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportCsv() {
    }

    public static byte[] write(Sections.Section section) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(section.nameHeading());
        if (section.detailHeading() != null) {
            header.add(section.detailHeading());
        }
        section.columns().forEach(c -> header.add(c.heading()));
        line(csv, header);
        for (ReportLine row : section.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.name());
            if (section.detailHeading() != null) {
                cells.add(row.detail());
            }
            section.columns().forEach(c -> cells.add(c.text(row)));
            line(csv, cells);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** One text field, quoted when RFC 4180 needs it and defused when it looks like a formula. */
    static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
