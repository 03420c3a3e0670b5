package vn.bantin.evidence.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.bantin.evidence.report.ExceptionItem;
import vn.bantin.evidence.report.ExceptionPage;

/** The exceptions list of an export: one row per broadcast that did not play, in the words of the report. */
final class ExceptionRows {

    static final String TITLE = "Danh sách ngoại lệ";
    static final List<String> HEADINGS = List.of("Địa bàn", "Điểm phát", "Chiến dịch", "Giờ phát dự kiến", "Lý do",
            "Giải thích");

    private ExceptionRows() {
    }

    static List<String> row(ExceptionItem i, ZoneId zone) {
        return List.of(i.areaName(), i.endpointName(), i.campaignName(),
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(zone).format(Instant.ofEpochMilli(i.dueMs())),
                ExceptionWords.heading(i, zone), ExceptionWords.explanation(i, zone));
    }

    /** Said under a list that stops before the last exception; null when it holds them all. */
    static String continued(ExceptionPage page) {
        return page.more() ? "Danh sách chỉ gồm " + page.items().size() + " ngoại lệ đầu tiên; xem đầy đủ trên hệ"
                + " thống (Báo cáo › Ngoại lệ)." : null;
    }
}
