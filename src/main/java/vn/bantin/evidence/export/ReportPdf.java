package vn.bantin.evidence.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.ExceptionPage;
import vn.bantin.evidence.report.Measure;
import vn.bantin.evidence.report.Report;
import vn.bantin.evidence.report.ReportLine;

/**
 * A report as a PDF annex to an official report (A4 landscape): national heading, issuing unit, title and
 * period, the tables with totals, the recordings of live sessions, exceptions with reasons, evidence status per
 * endpoint, when it was made, and the signature block. The font is embedded, so Vietnamese reads the same on any machine.
 */
public final class ReportPdf {

    private static final List<String> TABLE_COLUMNS = List.of("Bản tin dự kiến", "Đã phát", "Tỷ lệ hoàn thành (%)",
            "Ngoại lệ", "Thời lượng phát (giờ)", "Phát lặp dự kiến (giờ)", "Phát lặp đã phát (giờ)",
            "Phát lặp hoàn thành (%)", "Tỷ lệ phủ dân số (%)");

    private ReportPdf() {
    }

    public static byte[] write(Report r, ExceptionPage exceptions, Heading heading) {
        PdfKit kit = new PdfKit(ReportFonts.faces());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 48, 36, 36, 42);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(kit));
            doc.addTitle(Heading.TITLE + " - " + r.period().name());
            doc.addCreator("Bantin");
            doc.open();
            PdfHeading.national(doc, kit, heading);
            PdfHeading.title(doc, kit, r);
            int n = 1;
            doc.add(kit.section(roman(n++) + ". TỔNG HỢP"));
            doc.add(summary(kit, r));
            for (Sections.Section s : Sections.of(r)) {
                if (!s.key().equals("endpoint")) {
                    doc.add(kit.section(roman(n++) + ". " + s.title().toUpperCase()));
                    doc.add(figures(kit, s));
                }
            }
            List<ReportLine> live = r.campaigns().stream().filter(l -> l.recording() != null).toList();
            if (!live.isEmpty()) {
                doc.add(kit.section(roman(n++) + ". BẢN GHI CÁC PHIÊN PHÁT TRỰC TIẾP"));
                doc.add(recordings(kit, live));
            }
            doc.add(kit.section(roman(n++) + ". NGOẠI LỆ VÀ LÝ DO"));
            doc.add(exceptions(kit, r));
            exceptionList(doc, kit, exceptions, r);
            doc.add(kit.section(roman(n) + ". TÌNH TRẠNG BẰNG CHỨNG THEO ĐIỂM PHÁT"));
            doc.add(evidence(kit, Sections.byKey(r, "endpoint")));
            PdfHeading.signatures(doc, kit, heading);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable summary(PdfKit kit, Report r) {
        PdfPTable t = PdfKit.table(new float[] {5, 2});
        t.setWidthPercentage(60);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.addCell(kit.header("Chỉ tiêu"));
        t.addCell(kit.header("Giá trị"));
        ReportLine total = Sections.totalLine(r);
        List<Column> columns = new ArrayList<>(Sections.broadcastColumns());
        columns.addAll(Sections.coverageColumns());
        for (Column c : columns) {
            t.addCell(kit.cell(c.heading(), false, false));
            t.addCell(kit.cell(c.text(total), false, true));
        }
        return t;
    }

    private static PdfPTable figures(PdfKit kit, Sections.Section s) {
        List<Column> columns = s.columns().stream().filter(c -> TABLE_COLUMNS.contains(c.heading())).toList();
        boolean detail = s.detailHeading() != null;
        float[] widths = new float[columns.size() + (detail ? 3 : 2)];
        widths[0] = 1.2f;
        widths[1] = 7;
        if (detail) {
            widths[2] = 4;
        }
        for (int i = detail ? 3 : 2; i < widths.length; i++) {
            widths[i] = 2.6f;
        }
        PdfPTable t = PdfKit.table(widths);
        t.addCell(kit.header("STT"));
        t.addCell(kit.header(s.nameHeading()));
        if (detail) {
            t.addCell(kit.header(s.detailHeading()));
        }
        columns.forEach(c -> t.addCell(kit.header(c.heading())));
        for (int i = 0; i < s.rows().size(); i++) {
            ReportLine line = s.rows().get(i);
            boolean total = i == s.rows().size() - 1;
            t.addCell(kit.cell(total ? "" : String.valueOf(i + 1), total, true));
            t.addCell(kit.cell(line.name(), total, false));
            if (detail) {
                t.addCell(kit.cell(line.detail(), total, false));
            }
            columns.forEach(c -> t.addCell(kit.cell(c.text(line), total, true)));
        }
        return t;
    }

    private static PdfPTable exceptions(PdfKit kit, Report r) {
        PdfPTable t = PdfKit.table(new float[] {4, 2, 10});
        t.addCell(kit.header("Lý do"));
        t.addCell(kit.header("Số lượt"));
        t.addCell(kit.header("Giải thích"));
        for (BroadcastStatus s : BroadcastStatus.values()) {
            if (s != BroadcastStatus.PLAYED) {
                t.addCell(kit.cell(ExceptionWords.heading(s), false, false));
                t.addCell(kit.cell(String.valueOf(r.total().status(s)), false, true));
                t.addCell(kit.cell(ExceptionWords.explanation(s), false, false));
            }
        }
        String[][] loops = {{"Phát lặp: bỏ lỡ", "LOOP_MISSED"}, {"Phát lặp: bị ngắt", "LOOP_INTERRUPTED"},
            {"Phát lặp: lỗi phát", "LOOP_FAILED"}};
        for (String[] loop : loops) {
            t.addCell(kit.cell(loop[0], false, false));
            t.addCell(kit.cell(String.valueOf(r.total().get(Measure.valueOf(loop[1]))), false, true));
            t.addCell(kit.cell("Mục trong khung phát lặp không phát trọn vẹn", false, false));
        }
        t.addCell(kit.cell("Phát lặp: nhường cho phát trực tiếp", false, false));
        t.addCell(kit.cell(Sections.hours(r.total().get(Measure.LOOP_PREEMPTED_MS)) + " giờ", false, true));
        t.addCell(kit.cell("Thời lượng phát lặp mà phiên phát trực tiếp chiếm sóng; không tính vào tỷ lệ hoàn thành"
                + " phát lặp", false, false));
        t.addCell(kit.cell("Phát lặp: nhường cho bản tin khẩn cấp", false, false));
        t.addCell(kit.cell(Sections.hours(r.total().get(Measure.LOOP_ALERT_MS)) + " giờ", false, true));
        t.addCell(kit.cell("Thời lượng phát lặp mà bản tin khẩn cấp chiếm sóng; không tính vào tỷ lệ hoàn thành"
                + " phát lặp", false, false));
        t.addCell(kit.cell("Tổng số ngoại lệ", true, false));
        t.addCell(kit.cell(String.valueOf(r.total().exceptions() + r.total().loopExceptions()), true, true));
        t.addCell(kit.cell("", true, false));
        return t;
    }

    private static void exceptionList(Document doc, PdfKit kit, ExceptionPage page, Report r) throws DocumentException {
        if (page.items().isEmpty()) {
            return;
        }
        doc.add(kit.section(ExceptionRows.TITLE));
        PdfPTable t = PdfKit.table(new float[] {1.2f, 4, 5, 6, 3.6f, 3.4f, 8});
        t.addCell(kit.header("STT"));
        ExceptionRows.HEADINGS.forEach(h -> t.addCell(kit.header(h)));
        for (int i = 0; i < page.items().size(); i++) {
            t.addCell(kit.cell(String.valueOf(i + 1), false, true));
            for (String text : ExceptionRows.row(page.items().get(i), r.period().zone())) {
                t.addCell(kit.cell(text, false, false));
            }
        }
        doc.add(t);
        String continued = ExceptionRows.continued(page);
        if (continued != null) {
            doc.add(kit.line(continued, kit.italic, Element.ALIGN_LEFT));
        }
    }

    /** What each live session said on air is kept: the recording to listen to, next to the session's figures. */
    private static PdfPTable recordings(PdfKit kit, List<ReportLine> live) {
        PdfPTable t = PdfKit.table(new float[] {1.2f, 10, 2.2f, 2.2f, 8});
        for (String h : new String[] {"STT", "Phiên phát trực tiếp", "Bản tin dự kiến", "Đã phát",
                Sections.RECORDING.heading()}) {
            t.addCell(kit.header(h));
        }
        for (int i = 0; i < live.size(); i++) {
            ReportLine l = live.get(i);
            t.addCell(kit.cell(String.valueOf(i + 1), false, true));
            t.addCell(kit.cell(l.name(), false, false));
            t.addCell(kit.cell(String.valueOf(l.figures().expected()), false, true));
            t.addCell(kit.cell(String.valueOf(l.figures().get(Measure.PLAYED)), false, true));
            t.addCell(kit.cell(Sections.recording(l), false, false));
        }
        return t;
    }

    private static PdfPTable evidence(PdfKit kit, Sections.Section endpoints) {
        PdfPTable t = PdfKit.table(new float[] {1.2f, 6, 5, 2.2f, 2.2f, 2.6f, 2.2f, 9});
        for (String h : new String[] {"STT", "Điểm phát", "Địa bàn", "Bản tin dự kiến", "Đã phát",
                "Tỷ lệ hoàn thành (%)", "Bản ghi", "Tình trạng bằng chứng"}) {
            t.addCell(kit.header(h));
        }
        List<ReportLine> rows = endpoints.rows();
        for (int i = 0; i < rows.size() - 1; i++) {
            ReportLine l = rows.get(i);
            t.addCell(kit.cell(String.valueOf(i + 1), false, true));
            t.addCell(kit.cell(l.name(), false, false));
            t.addCell(kit.cell(l.detail(), false, false));
            t.addCell(kit.cell(String.valueOf(l.figures().expected()), false, true));
            t.addCell(kit.cell(String.valueOf(l.figures().get(Measure.PLAYED)), false, true));
            t.addCell(kit.cell(new Column("(%)", x -> Sections.percent(x.figures().completionRate())).text(l), false,
                    true));
            t.addCell(kit.cell(String.valueOf(l.figures().get(Measure.RECORDS)), false, true));
            t.addCell(kit.cell(l.evidence() == null ? "" : l.evidence().vi(), false, false));
        }
        return t;
    }

    static String roman(int n) {
        String[] numerals = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
        return numerals[n];
    }

    /** "Trang n" at the foot of every page. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final PdfKit kit;

        PageNumbers(PdfKit kit) {
            this.kit = kit;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase("Trang " + writer.getPageNumber(), kit.small),
                    (document.left() + document.right()) / 2, document.bottom() - 18, 0);
        }
    }
}
