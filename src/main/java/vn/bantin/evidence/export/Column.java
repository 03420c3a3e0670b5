package vn.bantin.evidence.export;

import java.util.Locale;
import java.util.function.Function;
import vn.bantin.evidence.report.ReportLine;

/**
 * One column of an exported table: its Vietnamese heading and its value for a row, as a number (Long, or Double
 * already in the unit the heading names) or text. Null leaves the cell empty ("nothing expected" is not 0 %).
 */
public record Column(String heading, Function<ReportLine, Object> value) {

    /** Text for CSV and PDF: a dot as the decimal mark, one decimal for percentages, two for hours. */
    public String text(ReportLine line) {
        Object v = value.apply(line);
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, heading.contains("(%)") ? "%.1f" : "%.2f", d);
        }
        return v.toString();
    }
}
