package vn.bantin.evidence.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.bantin.evidence.report.ExceptionPage;
import vn.bantin.evidence.report.Report;
import vn.bantin.evidence.report.ReportLine;

/**
 * A report as an Excel workbook: a summary sheet with the heading and the totals, then one sheet per table.
 * Figures are stored as numbers (not text) so they can be summed and charted; the total row is bold.
 */
public final class ReportXlsx {

    public static final String SUMMARY_SHEET = "Tổng hợp";

    private ReportXlsx() {
    }

    public static byte[] write(Report r, ExceptionPage exceptions, Heading heading) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Bantin", "1.0");
            summary(wb.newWorksheet(SUMMARY_SHEET), r, heading);
            for (Sections.Section s : Sections.of(r)) {
                table(wb.newWorksheet(s.title()), s);
            }
            exceptionList(wb.newWorksheet(ExceptionRows.TITLE), exceptions, r);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void summary(Worksheet ws, Report r, Heading heading) {
        int row = 0;
        for (String line : new String[] {heading.governingBody(), heading.issuer(), Heading.TITLE,
                Heading.periodLine(r), Heading.scopeLine(r), heading.generatedLine()}) {
            if (line != null) {
                ws.value(row++, 0, line);
            }
        }
        ws.range(0, 0, row - 1, 0).style().bold().set();
        row++;
        ws.value(row, 0, "Chỉ tiêu");
        ws.value(row, 1, "Giá trị");
        ws.range(row, 0, row, 1).style().bold().set();
        ReportLine total = Sections.totalLine(r);
        List<Column> columns = new java.util.ArrayList<>(Sections.broadcastColumns());
        columns.addAll(Sections.coverageColumns());
        for (Column c : columns) {
            row++;
            ws.value(row, 0, c.heading());
            put(ws, row, 1, c.value().apply(total));
        }
        ws.width(0, 42);
        ws.width(1, 16);
    }

    private static void table(Worksheet ws, Sections.Section s) {
        int col = 0;
        ws.value(0, col++, s.nameHeading());
        if (s.detailHeading() != null) {
            ws.value(0, col++, s.detailHeading());
        }
        for (Column c : s.columns()) {
            ws.value(0, col++, c.heading());
        }
        ws.range(0, 0, 0, col - 1).style().bold().wrapText(true).set();
        for (int i = 0; i < s.rows().size(); i++) {
            ReportLine line = s.rows().get(i);
            int r = i + 1;
            col = 0;
            ws.value(r, col++, line.name());
            if (s.detailHeading() != null) {
                ws.value(r, col++, line.detail());
            }
            for (Column c : s.columns()) {
                put(ws, r, col++, c.value().apply(line));
            }
        }
        ws.range(s.rows().size(), 0, s.rows().size(), col - 1).style().bold().set();
        ws.width(0, 36);
        ws.freezePane(1, 1);
    }

    private static void exceptionList(Worksheet ws, ExceptionPage page, Report r) {
        for (int col = 0; col < ExceptionRows.HEADINGS.size(); col++) {
            ws.value(0, col, ExceptionRows.HEADINGS.get(col));
        }
        ws.range(0, 0, 0, ExceptionRows.HEADINGS.size() - 1).style().bold().set();
        for (int i = 0; i < page.items().size(); i++) {
            List<String> row = ExceptionRows.row(page.items().get(i), r.period().zone());
            for (int col = 0; col < row.size(); col++) {
                ws.value(i + 1, col, row.get(col));
            }
        }
        String continued = ExceptionRows.continued(page);
        if (continued != null) {
            ws.value(page.items().size() + 2, 0, continued);
        }
        ws.width(0, 24);
        ws.width(1, 30);
        ws.width(2, 36);
        ws.width(3, 18);
        ws.freezePane(0, 1);
    }

    private static void put(Worksheet ws, int row, int col, Object value) {
        if (value instanceof Number n) {
            ws.value(row, col, n);
        } else if (value != null) {
            ws.value(row, col, value.toString());
        }
    }
}
