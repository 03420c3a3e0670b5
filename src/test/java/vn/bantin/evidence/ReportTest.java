package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;

class ReportTest {

    private static final long T0 = 1_764_000_000_000L;
    private static final long DAY = 86_400_000L;
    private static final long MIN = 60_000L;

    private static ExpectedPlay due(long endpointId, long campaignId, String entryId, long startMs) {
        return new ExpectedPlay(endpointId, campaignId, entryId, startMs, MIN, AssetKind.AUDIO);
    }

    private static EndpointPlay play(long endpointId, String entryId, Long campaignId, SlotMode mode,
                                     PlayOutcome outcome, long scheduledStart, long airtimeMs) {
        return new EndpointPlay(endpointId, new PlayRecordPayload("d" + endpointId, 1, PlayRecordPayload.GENESIS_HASH,
                entryId, campaignId, BroadcastClass.NORMAL, mode, "a".repeat(64), scheduledStart,
                scheduledStart + 10, scheduledStart + 10 + airtimeMs, outcome,
                outcome == PlayOutcome.PLAYED ? null : "lý do", 0, "v"));
    }

    /** Hand-computed case: see the expected numbers in {@link #numbers()}. */
    private static ReportCalculator.Report report() {
        List<ExpectedPlay> expected = List.of(
                due(12, 3, "e1", T0 + 1 * MIN),
                due(13, 3, "e1", T0 + 1 * MIN),
                due(12, 3, "e2", T0 + 2 * MIN),
                due(13, 3, "e6", T0 + 6 * MIN),
                due(13, 5, "e3", T0 + 3 * MIN),
                due(12, 5, "e4", T0 + 4 * MIN),
                due(12, 5, "e5", T0 + 2 * DAY));
        List<EndpointPlay> plays = List.of(
                play(12, "e1", 3L, SlotMode.ONCE, PlayOutcome.PLAYED, T0 + 1 * MIN, 60_000),
                play(12, "e1", 3L, SlotMode.ONCE, PlayOutcome.PLAYED, T0 + 1 * MIN, 60_000),
                play(13, "e1", 3L, SlotMode.ONCE, PlayOutcome.MISSED, T0 + 1 * MIN, 0),
                play(12, "e2", 3L, SlotMode.ONCE, PlayOutcome.INTERRUPTED, T0 + 2 * MIN, 20_000),
                play(12, "e2", 3L, SlotMode.ONCE, PlayOutcome.PLAYED, T0 + 2 * MIN + 1, 60_000),
                play(13, "e6", 3L, SlotMode.ONCE, PlayOutcome.INTERRUPTED, T0 + 6 * MIN, 15_000),
                play(13, "e3", 5L, SlotMode.ONCE, PlayOutcome.FAILED, T0 + 3 * MIN, 0),
                play(12, "e5", 5L, SlotMode.ONCE, PlayOutcome.PLAYED, T0 + 2 * DAY, 60_000),
                play(13, "loop1", 7L, SlotMode.LOOP, PlayOutcome.PLAYED, T0 + 10 * MIN, 300_000),
                play(13, null, null, SlotMode.LOOP, PlayOutcome.PLAYED, T0 + 20 * MIN, 120_000));
        return ReportCalculator.calculate(T0, T0 + DAY, expected, plays);
    }

    @Test
    @DisplayName("expected, played, rate, airtime and exceptions on a hand-computed case")
    void numbers() {
        ReportCalculator.Report report = report();

        assertThat(report.byCampaign()).containsExactly(
                new ReportRow(3, 4, 2, 0.5, 215_000, 1, 1, 0, 0),
                new ReportRow(5, 2, 0, 0.0, 0, 0, 0, 1, 1),
                new ReportRow(7, 0, 0, null, 300_000, 0, 0, 0, 0));
        assertThat(report.byEndpoint()).containsExactly(
                new ReportRow(12, 3, 2, 2.0 / 3, 200_000, 0, 0, 0, 1),
                new ReportRow(13, 3, 0, 0.0, 435_000, 1, 1, 1, 0));
        assertThat(report.total()).isEqualTo(new ReportRow(0, 6, 2, 2.0 / 6, 635_000, 1, 1, 1, 1));
    }

    @Test
    @DisplayName("CSV: UTF-8 BOM, Vietnamese header, RFC 4180 quoting, formulas defused, total row")
    void csv() {
        Map<Long, String> names = Map.of(3L, "Bản tin sáng", 5L, "An toàn giao thông, \"mùa mưa\"", 7L, "=HYPERLINK(1)");

        byte[] bytes = ReportCsv.byCampaign(report(), names::get);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text.split("\r\n", -1)).containsExactly(
                "Chiến dịch,Dự kiến,Đã phát,Tỷ lệ hoàn thành (%),Thời lượng phát (phút),Bỏ lỡ,Bị ngắt,Lỗi,Không có báo cáo",
                "Bản tin sáng,4,2,50.0,3.6,1,1,0,0",
                "\"An toàn giao thông, \"\"mùa mưa\"\"\",2,0,0.0,0.0,0,0,1,1",
                "'=HYPERLINK(1),0,0,,5.0,0,0,0,0",
                "Tổng cộng,6,2,33.3,10.6,1,1,1,1",
                "");
    }

    @Test
    @DisplayName("CSV by endpoint names the endpoint column")
    void csvByEndpoint() {
        String text = new String(ReportCsv.byEndpoint(report(), id -> "Cụm loa " + id), StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFFĐiểm phát,").contains("\r\nCụm loa 12,3,2,66.7,3.3,0,0,0,1\r\n");
        assertThat(ReportCsv.field("a\nb")).isEqualTo("\"a\nb\"");
    }
}
