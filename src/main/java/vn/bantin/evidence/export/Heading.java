package vn.bantin.evidence.export;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import vn.bantin.evidence.report.Report;
import vn.bantin.evidence.report.ReportBuilder;

/**
 * Who issues a report and when: the lines above the title of an official document.
 *
 * @param governingBody the body above the issuing unit (e.g. "UBND XÃ AN BÌNH"), or null
 * @param issuer        the issuing unit (e.g. "TRUNG TÂM VĂN HÓA - THÔNG TIN")
 * @param place         the place named in the date line ("An Bình, ngày ...")
 * @param generatedAt   when the export was made, in the report's zone
 */
public record Heading(String governingBody, String issuer, String place, ZonedDateTime generatedAt) {

    public static final String TITLE = "BÁO CÁO KẾT QUẢ PHÁT THANH, TRUYỀN THANH VÀ THÔNG TIN CƠ SỞ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String dateLine() {
        return (place == null ? "" : place + ", ") + "ngày " + String.format("%02d", generatedAt.getDayOfMonth())
                + " tháng " + String.format("%02d", generatedAt.getMonthValue()) + " năm " + generatedAt.getYear();
    }

    /** e.g. "Lập lúc 14:05 ngày 01/07/2026 (giờ địa phương, Asia/Ho_Chi_Minh)". */
    public String generatedLine() {
        return "Lập lúc " + TIME.format(generatedAt) + " (giờ địa phương, " + generatedAt.getZone().getId() + ")";
    }

    public static String periodLine(Report r) {
        return "Kỳ báo cáo: " + r.period().name() + " (từ ngày " + DATE.format(r.period().from()) + " đến ngày "
                + DATE.format(r.period().to()) + ")";
    }

    public static String scopeLine(Report r) {
        String area = r.scope().areaName() == null ? "Toàn bộ địa bàn" : r.scope().areaName()
                + " (gồm các địa bàn trực thuộc)";
        Report.Scope s = r.scope();
        return "Phạm vi: " + area + (s.campaignName() == null ? "" : "; chiến dịch: " + s.campaignName())
                + (s.endpointName() == null ? "" : "; điểm phát: " + s.endpointName())
                + (s.topic() == null ? "" : "; chủ đề: " + s.topic())
                + (s.kind() == null ? "" : "; loại nội dung: " + ReportBuilder.kindName(s.kind()));
    }
}
