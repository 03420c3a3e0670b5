package vn.bantin.evidence.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import vn.bantin.evidence.report.Report;

/** The parts of an official Vietnamese document around the tables: heading, title and signature block. */
final class PdfHeading {

    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

    private PdfHeading() {
    }

    /** Issuing unit on the left, national name and motto on the right, the place and date under them. */
    static void national(Document doc, PdfKit kit, Heading h) throws DocumentException {
        PdfPTable t = new PdfPTable(new float[] {4, 5});
        t.setWidthPercentage(100);
        PdfPCell left = kit.plain("", kit.normal, Element.ALIGN_CENTER);
        if (h.governingBody() != null) {
            left.addElement(kit.line(h.governingBody().toUpperCase(), kit.normal, Element.ALIGN_CENTER));
        }
        left.addElement(kit.line(h.issuer().toUpperCase(), kit.bold, Element.ALIGN_CENTER));
        left.addElement(kit.line("________", kit.bold, Element.ALIGN_CENTER));
        PdfPCell right = kit.plain("", kit.normal, Element.ALIGN_CENTER);
        right.addElement(kit.line(NATION, kit.bold, Element.ALIGN_CENTER));
        Chunk motto = new Chunk(PdfKit.text(MOTTO), kit.bold);
        motto.setUnderline(0.6f, -2.5f);
        com.lowagie.text.Paragraph mottoLine = new com.lowagie.text.Paragraph(motto);
        mottoLine.setAlignment(Element.ALIGN_CENTER);
        right.addElement(mottoLine);
        right.addElement(kit.line(" ", kit.normal, Element.ALIGN_CENTER));
        right.addElement(kit.line(h.dateLine(), kit.italic, Element.ALIGN_CENTER));
        t.addCell(left);
        t.addCell(right);
        doc.add(t);
    }

    static void title(Document doc, PdfKit kit, Report r) throws DocumentException {
        doc.add(kit.line(" ", kit.normal, Element.ALIGN_CENTER));
        doc.add(kit.line("PHỤ LỤC", kit.title, Element.ALIGN_CENTER));
        doc.add(kit.line(Heading.TITLE, kit.title, Element.ALIGN_CENTER));
        doc.add(kit.line(Heading.periodLine(r), kit.bold, Element.ALIGN_CENTER));
        doc.add(kit.line(Heading.scopeLine(r), kit.italic, Element.ALIGN_CENTER));
        doc.add(kit.line("Số liệu tính đến thời điểm lập báo cáo; bản tin chỉ được tính khi đã đến giờ phát.",
                kit.italic, Element.ALIGN_CENTER));
    }

    /** The time it was made, then "Người lập biểu" and "Thủ trưởng đơn vị" with room to sign. */
    static void signatures(Document doc, PdfKit kit, Heading h) throws DocumentException {
        doc.add(kit.line(h.generatedLine(), kit.italic, Element.ALIGN_LEFT));
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setSpacingBefore(14);
        t.setKeepTogether(true);
        t.addCell(signature(kit, "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"));
        t.addCell(signature(kit, "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu, ghi rõ họ tên)"));
        doc.add(t);
    }

    private static PdfPCell signature(PdfKit kit, String role, String hint) {
        PdfPCell cell = kit.plain("", kit.normal, Element.ALIGN_CENTER);
        cell.addElement(kit.line(role, kit.bold, Element.ALIGN_CENTER));
        cell.addElement(kit.line(hint, kit.italic, Element.ALIGN_CENTER));
        cell.setMinimumHeight(90);
        return cell;
    }
}
