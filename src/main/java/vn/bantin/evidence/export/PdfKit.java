package vn.bantin.evidence.export;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.text.Normalizer;

/** The few typographic pieces a report PDF is made of, in one embedded font family. */
final class PdfKit {

    private static final Color HEADER_FILL = new Color(0xE8, 0xEE, 0xF4);

    final Font normal;
    final Font bold;
    final Font italic;
    final Font small;
    final Font smallBold;
    final Font title;

    PdfKit(ReportFonts.Faces faces) {
        normal = new Font(faces.regular(), 11);
        bold = new Font(faces.bold(), 11);
        italic = new Font(faces.italic(), 11);
        small = new Font(faces.regular(), 8.5f);
        smallBold = new Font(faces.bold(), 8.5f);
        title = new Font(faces.bold(), 13);
    }

    /** Precomposed letters (NFC): the embedded fonts have a glyph for each, not for every combining sequence. */
    static String text(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    Paragraph line(String s, Font font, int align) {
        Paragraph p = new Paragraph(text(s), font);
        p.setAlignment(align);
        return p;
    }

    Paragraph section(String s) {
        Paragraph p = new Paragraph(text(s), bold);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    PdfPCell plain(String s, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text(s), font));
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setHorizontalAlignment(align);
        return cell;
    }

    PdfPCell header(String s) {
        PdfPCell cell = new PdfPCell(new Phrase(text(s), smallBold));
        cell.setBackgroundColor(HEADER_FILL);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(3);
        return cell;
    }

    PdfPCell cell(String s, boolean strong, boolean number) {
        PdfPCell cell = new PdfPCell(new Phrase(text(s), strong ? smallBold : small));
        cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setPadding(3);
        return cell;
    }

    static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingAfter(4);
        return t;
    }
}
