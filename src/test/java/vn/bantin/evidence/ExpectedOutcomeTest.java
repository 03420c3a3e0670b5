package vn.bantin.evidence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.ExpectedOutcome.Status;
import vn.bantin.evidence.report.PlanReason;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("ExpectedOutcome: what became of an expected play, in a staff member's words")
class ExpectedOutcomeTest {

    private static final long START = TestDevice.T0 + 60_000;
    private final TestDevice device = new TestDevice();

    private static RecordedExpectation expected(SlotMode mode, boolean dropped, PlanReason reason) {
        return new RecordedExpectation(new ExpectedPlay(3, "e1", mode, dropped, 3, null, BroadcastClass.NORMAL, START,
                START + 600_000, AssetKind.AUDIO, "a".repeat(64), new PlayNames("Bản tin", "tin.mp3", "Loa 1", 1L,
                "Xã", null), dropped ? "trùng «Khẩn» / collides with 'Khẩn'" : null), 0, null, reason);
    }

    private PlayRecordPayload record(String outcome, String reason) throws InvalidPayloadException {
        return PlayRecordPayload.parse(device.next(n -> n.put("outcome", outcome).put("reason", reason)).payload());
    }

    @Test
    @DisplayName("a record always tells: played, or the latest one's missed / interrupted (by what) / failed (why)")
    void fromRecords() throws Exception {
        RecordedExpectation once = expected(SlotMode.ONCE, false, PlanReason.OFFLINE);

        assertThat(ExpectedOutcome.judge(once, List.of(record("FAILED", "media not in cache"), record("PLAYED", null)),
                Long.MAX_VALUE).status()).isEqualTo(Status.PLAYED);
        ExpectedOutcome.Judgement interrupted = ExpectedOutcome.judge(once,
                List.of(record("INTERRUPTED", "preempted by emergency alert")), Long.MAX_VALUE);
        assertThat(interrupted.status()).isEqualTo(Status.INTERRUPTED);
        assertThat(interrupted.text()).isEqualTo("Bị ngắt: nhường cho bản tin khẩn cấp / Interrupted: cut off for"
                + " an emergency alert");
        assertThat(ExpectedOutcome.judge(once, List.of(record("FAILED", "decoder error")), 0).text())
                .startsWith("Lỗi phát: decoder error");
        assertThat(ExpectedOutcome.judge(once, List.of(record("MISSED", "clock jumped")), 0).status())
                .isEqualTo(Status.MISSED);
    }

    @Test
    @DisplayName("a loop counts every item's airtime; without records the classification or the clock says")
    void withoutRecords() throws Exception {
        ExpectedOutcome.Judgement loop = ExpectedOutcome.judge(expected(SlotMode.LOOP, false, null),
                List.of(record("PLAYED", null), record("PLAYED", null)), Long.MAX_VALUE);
        assertThat(loop.status()).isEqualTo(Status.PLAYED);
        assertThat(loop.playedMs()).isEqualTo(60_000);
        assertThat(loop.plays()).isEqualTo(2);

        assertThat(ExpectedOutcome.judge(expected(SlotMode.ONCE, false, null), List.of(), START - 1).status())
                .isEqualTo(Status.UPCOMING);
        assertThat(ExpectedOutcome.judge(expected(SlotMode.ONCE, false, null), List.of(), START + 1).status())
                .isEqualTo(Status.UNREPORTED);
        assertThat(ExpectedOutcome.judge(expected(SlotMode.ONCE, false, PlanReason.NOT_DELIVERED), List.of(),
                Long.MAX_VALUE).text()).startsWith("Không được giao");
        assertThat(ExpectedOutcome.judge(expected(SlotMode.ONCE, false, PlanReason.OFFLINE), List.of(),
                Long.MAX_VALUE).status()).isEqualTo(Status.OFFLINE);
        ExpectedOutcome.Judgement dropped = ExpectedOutcome.judge(expected(SlotMode.ONCE, true, PlanReason.DROPPED),
                List.of(), Long.MAX_VALUE);
        assertThat(dropped.status()).isEqualTo(Status.DROPPED);
        assertThat(dropped.text()).contains("Khẩn");
    }
}
