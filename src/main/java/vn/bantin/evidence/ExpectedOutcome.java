package vn.bantin.evidence;

import java.util.Comparator;
import java.util.List;

/**
 * What became of one expected play, in words a staff member understands (Vietnamese first, English
 * second): played; missed, interrupted (by what) or failed (why), as the device testified (in plain words:
 * {@link PlayReason}); dropped by a conflict; not delivered; endpoint offline; no record yet; not yet due. A
 * record always tells more than a classification. Pure.
 */
public final class ExpectedOutcome {

    public enum Status { PLAYED, MISSED, INTERRUPTED, FAILED, DROPPED, NOT_DELIVERED, OFFLINE, UNREPORTED, UPCOMING }

    /**
     * @param playedMs airtime the records show (for a loop: all its item plays in the window)
     * @param plays    how many records testify to it
     */
    public record Judgement(Status status, String text, long playedMs, int plays) {
    }

    private ExpectedOutcome() {
    }

    /** @param records the records of this play: its entry's (ONCE), or its campaign's loop items due in the window */
    public static Judgement judge(RecordedExpectation expected, List<PlayRecordPayload> records, long nowMs) {
        ExpectedPlay play = expected.play();
        long airtime = records.stream().mapToLong(PlayRecordPayload::airtimeMs).sum();
        if (play.dropped()) {
            return new Judgement(Status.DROPPED, "Bị loại khỏi lịch phát: " + play.conflictReason()
                    + " / Dropped from the plan: " + play.conflictReason(), airtime, records.size());
        }
        if (!records.isEmpty()) {
            return fromRecords(records, airtime);
        }
        if (play.startMs() > nowMs) {
            return new Judgement(Status.UPCOMING, "Chưa đến giờ phát / Not yet due", 0, 0);
        }
        if (expected.reason() == null) {
            return new Judgement(Status.UNREPORTED, "Chưa có bản ghi / No record yet", 0, 0);
        }
        return switch (expected.reason()) {
            case NOT_DELIVERED -> new Judgement(Status.NOT_DELIVERED, "Không được giao: điểm phát chưa nhận lịch phát"
                    + " có mục này trước khi hết giờ / Not delivered: the endpoint never received a timeline holding it"
                    + " before it ended", 0, 0);
            case OFFLINE -> new Judgement(Status.OFFLINE, "Điểm phát mất kết nối: không liên lạc từ trước giờ phát /"
                    + " Endpoint offline: not heard from since before it was due", 0, 0);
            case DROPPED -> new Judgement(Status.DROPPED, "Bị loại khỏi lịch phát / Dropped from the plan", 0, 0);
            case PREEMPTED_LIVE -> new Judgement(Status.INTERRUPTED, "Nhường cho phát trực tiếp / Yielded to a live"
                    + " broadcast", 0, 0);
        };
    }

    /** Played when any record says so (for a loop: any item, the airtime says how much); else the latest says why. */
    private static Judgement fromRecords(List<PlayRecordPayload> records, long airtime) {
        if (records.stream().anyMatch(r -> r.outcome() == PlayOutcome.PLAYED)) {
            return new Judgement(Status.PLAYED, "Đã phát / Played", airtime, records.size());
        }
        PlayRecordPayload latest = records.stream().max(Comparator.comparingLong(PlayRecordPayload::seq)).orElseThrow();
        PlayReason.Words why = PlayReason.of(latest.reason());
        String vi = why == null ? "" : ": " + why.vi();
        String en = why == null ? "" : ": " + why.en();
        return switch (latest.outcome()) {
            case MISSED -> new Judgement(Status.MISSED, "Bỏ lỡ" + vi + " / Missed" + en, airtime, records.size());
            case INTERRUPTED -> new Judgement(Status.INTERRUPTED, "Bị ngắt" + vi + " / Interrupted" + en, airtime,
                    records.size());
            case FAILED -> new Judgement(Status.FAILED, "Lỗi phát" + vi + " / Failed" + en, airtime, records.size());
            case PLAYED -> new Judgement(Status.PLAYED, "Đã phát / Played", airtime, records.size());
        };
    }
}
