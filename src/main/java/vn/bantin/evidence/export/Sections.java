package vn.bantin.evidence.export;

import java.util.ArrayList;
import java.util.List;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.Measure;
import vn.bantin.evidence.report.Report;
import vn.bantin.evidence.report.ReportLine;

/** The tables every export shows, with the same headings and figures in CSV, XLSX and PDF. */
public final class Sections {

    /** One table: its rows (a total row last) and columns. */
    public record Section(String key, String title, String nameHeading, String detailHeading, List<ReportLine> rows,
                          List<Column> columns) {
    }

    public static final String TOTAL = "Tổng cộng";
    /** A live session's row names its recording: the asset's name and number, to find it under Media. */
    public static final Column RECORDING = new Column("Bản ghi phát trực tiếp", l -> recording(l));
    private static final double HOUR_MS = 3_600_000.0;

    private Sections() {
    }

    public static List<Section> of(Report r) {
        ReportLine total = totalLine(r);
        List<Column> broadcast = broadcastColumns();
        List<Column> covered = new ArrayList<>(broadcast);
        covered.addAll(coverageColumns());
        List<Column> campaign = new ArrayList<>(covered);
        campaign.add(RECORDING);
        List<Column> endpoint = new ArrayList<>(broadcast);
        endpoint.add(new Column("Tình trạng bằng chứng", l -> l.evidence() == null ? null : l.evidence().vi()));
        return List.of(
                new Section("campaign", "Theo chiến dịch", "Chiến dịch", "Chủ đề", withTotal(r.campaigns(), total),
                        campaign),
                new Section("area", "Theo địa bàn", "Địa bàn", null, withTotal(r.areas(), total), covered),
                new Section("endpoint", "Theo điểm phát", "Điểm phát", "Địa bàn", withTotal(r.endpoints(), total),
                        endpoint),
                new Section("topic", "Theo chủ đề", "Chủ đề", null, withTotal(r.topics(), total), covered),
                new Section("kind", "Theo loại nội dung", "Loại nội dung", null, withTotal(r.kinds(), total),
                        broadcast));
    }

    public static ReportLine totalLine(Report r) {
        return new ReportLine(0, "total", TOTAL, null, r.total(), r.coverage(), null);
    }

    public static Section byKey(Report r, String key) {
        return of(r).stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section " + key));
    }

    public static List<Column> broadcastColumns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("Bản tin dự kiến", l -> l.figures().expected()));
        c.add(new Column("Đã phát", l -> l.figures().get(Measure.PLAYED)));
        c.add(new Column("Tỷ lệ hoàn thành (%)", l -> percent(l.figures().completionRate())));
        c.add(new Column("Ngoại lệ", l -> l.figures().exceptions()));
        for (BroadcastStatus s : BroadcastStatus.values()) {
            if (s != BroadcastStatus.PLAYED) {
                c.add(new Column(ExceptionWords.heading(s), l -> l.figures().status(s)));
            }
        }
        c.add(new Column("Thời lượng phát (giờ)", l -> hours(l.figures().get(Measure.AIRTIME_MS))));
        c.add(new Column("Phát lặp dự kiến (giờ)", l -> hours(l.figures().get(Measure.LOOP_EXPECTED_MS))));
        c.add(new Column("Phát lặp đã phát (giờ)", l -> hours(l.figures().get(Measure.LOOP_PLAYED_MS))));
        c.add(new Column("Phát lặp nhường phát trực tiếp (giờ)",
                l -> hours(l.figures().get(Measure.LOOP_PREEMPTED_MS))));
        c.add(new Column("Phát lặp nhường bản tin khẩn cấp (giờ)",
                l -> hours(l.figures().get(Measure.LOOP_ALERT_MS))));
        c.add(new Column("Phát lặp hoàn thành (%)", l -> percent(l.figures().loopCompletionRate())));
        c.add(new Column("Lượt phát lặp", l -> l.figures().get(Measure.LOOP_ITEM_PLAYS)));
        c.add(new Column("Ngoại lệ phát lặp", l -> l.figures().loopExceptions()));
        return c;
    }

    public static List<Column> coverageColumns() {
        return List.of(
                new Column("Dân số", l -> l.coverage() == null ? null : l.coverage().population()),
                new Column("Dân số được phủ sóng", l -> l.coverage() == null ? null : l.coverage().reachedPopulation()),
                new Column("Tỷ lệ phủ dân số (%)", l -> l.coverage() == null ? null
                        : percent(l.coverage().populationShare())),
                new Column("Số hộ", l -> l.coverage() == null ? null : l.coverage().households()),
                new Column("Số hộ được phủ sóng", l -> l.coverage() == null ? null : l.coverage().reachedHouseholds()));
    }

    /** "<asset name> (tệp số <id>)" for a live session's row whose recording is kept, else null. */
    public static String recording(ReportLine l) {
        return l.recording() == null ? null : l.recording().name() + " (tệp số " + l.recording().assetId() + ")";
    }

    public static Double percent(Double rate) {
        return rate == null ? null : Math.round(rate * 1000) / 10.0;
    }

    public static Double hours(long ms) {
        return Math.round(ms / HOUR_MS * 100) / 100.0;
    }

    private static List<ReportLine> withTotal(List<ReportLine> rows, ReportLine total) {
        List<ReportLine> out = new ArrayList<>(rows);
        out.add(total);
        return out;
    }
}
