package vn.bantin.evidence.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.ExceptionItem;
import vn.bantin.evidence.report.Preemption;

/** Why a broadcast did not play, in the words a report uses (Vietnamese; English beside it in the API). */
public final class ExceptionWords {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private ExceptionWords() {
    }

    public static String heading(BroadcastStatus s) {
        return switch (s) {
            case PLAYED -> "Đã phát";
            case MISSED -> "Bỏ lỡ";
            case INTERRUPTED -> "Bị ngắt";
            case FAILED -> "Lỗi phát";
            case UNREPORTED -> "Chưa có bản ghi";
            case NOT_DELIVERED -> "Chưa chuyển tới thiết bị";
            case OFFLINE -> "Thiết bị mất kết nối";
            case DROPPED -> "Bị loại khỏi lịch phát";
            case PREEMPTED_LIVE -> "Nhường cho phát trực tiếp";
        };
    }

    public static String headingEn(BroadcastStatus s) {
        return switch (s) {
            case PLAYED -> "Played";
            case MISSED -> "Missed";
            case INTERRUPTED -> "Interrupted";
            case FAILED -> "Failed";
            case UNREPORTED -> "No record yet";
            case NOT_DELIVERED -> "Not delivered to the device";
            case OFFLINE -> "Device offline";
            case DROPPED -> "Dropped from the plan";
            case PREEMPTED_LIVE -> "Yielded to a live broadcast";
        };
    }

    /** The heading of one exception: a device that dropped out of a live session says when. */
    public static String heading(ExceptionItem i, ZoneId zone) {
        return i.disconnectedAt() != null ? "Thiết bị mất kết nối trong phiên (" + hour(i.disconnectedAt(), zone) + ")"
                : heading(i.status());
    }

    public static String headingEn(ExceptionItem i, ZoneId zone) {
        return i.disconnectedAt() != null ? "Device lost its connection during the session ("
                + hour(i.disconnectedAt(), zone) + ")" : headingEn(i.status());
    }

    /** The session that took the air, the plan's own words for a broadcast it dropped, else the status's words. */
    public static String explanation(ExceptionItem i, ZoneId zone) {
        if (i.preemptedBy() != null) {
            return "Nhường cho phát trực tiếp: " + i.preemptedBy().title() + " (" + span(i.preemptedBy(), zone,
                    "đang phát") + ")";
        }
        if (i.disconnectedAt() != null) {
            return "Thiết bị mất kết nối lúc " + hour(i.disconnectedAt(), zone) + " khi đang phát trực tiếp;"
                    + " không có bản ghi của phiên";
        }
        return i.planReason() != null && !i.planReason().isBlank() ? i.planReason() : explanation(i.status());
    }

    public static String explanationEn(ExceptionItem i, ZoneId zone) {
        if (i.preemptedBy() != null) {
            return "Yielded to a live broadcast: " + i.preemptedBy().title() + " (" + span(i.preemptedBy(), zone,
                    "on air") + ")";
        }
        if (i.disconnectedAt() != null) {
            return "The device lost its connection at " + hour(i.disconnectedAt(), zone) + " during the live"
                    + " session; no record of the session";
        }
        return i.planReason() != null && !i.planReason().isBlank() ? i.planReason() : explanationEn(i.status());
    }

    public static String explanation(BroadcastStatus s) {
        return switch (s) {
            case PLAYED -> "Phát trọn vẹn, có bản ghi ký số của thiết bị";
            case MISSED -> "Thiết bị không phát được đúng giờ (thiếu tệp, thiết bị khởi động lại...)";
            case INTERRUPTED -> "Đang phát thì bị ngắt (bởi cảnh báo khẩn cấp, mất điện, dừng thủ công...)";
            case FAILED -> "Thiết bị báo lỗi khi phát (tệp hỏng, lỗi trình phát...)";
            case UNREPORTED -> "Đã đến giờ phát nhưng chưa nhận được bản ghi từ thiết bị";
            case NOT_DELIVERED -> "Thiết bị chưa tải lịch phát có bản tin này";
            case OFFLINE -> "Thiết bị mất kết nối vào giờ phát";
            case DROPPED -> "Kế hoạch bỏ bản tin vì trùng giờ với bản tin ưu tiên hơn";
            case PREEMPTED_LIVE -> "Phiên phát trực tiếp chiếm sóng vào giờ phát; không tính vào tỷ lệ hoàn thành";
        };
    }

    public static String explanationEn(BroadcastStatus s) {
        return switch (s) {
            case PLAYED -> "Played to the end, with the device's signed record";
            case MISSED -> "The device could not play it on time (file missing, device restarted...)";
            case INTERRUPTED -> "Cut while playing (by an emergency alert, a power cut, a manual stop...)";
            case FAILED -> "The device reported an error playing it (broken file, player error...)";
            case UNREPORTED -> "Due, but no record has arrived from the device yet";
            case NOT_DELIVERED -> "The device never fetched the timeline holding this broadcast";
            case OFFLINE -> "The device was offline when it was due";
            case DROPPED -> "The plan dropped it: it clashed with a higher broadcast";
            case PREEMPTED_LIVE -> "A live session held the air when it was due; not counted in the completion rate";
        };
    }

    private static String span(Preemption p, ZoneId zone, String ongoing) {
        return hour(p.fromMs(), zone) + "–" + (p.toMs() == null ? ongoing : hour(p.toMs(), zone));
    }

    private static String hour(long ms, ZoneId zone) {
        return HOUR.withZone(zone).format(Instant.ofEpochMilli(ms));
    }
}
