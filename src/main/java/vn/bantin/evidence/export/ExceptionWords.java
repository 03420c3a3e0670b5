package vn.bantin.evidence.export;

import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.ExceptionItem;

/** Why a broadcast did not play, in the words a report uses. */
public final class ExceptionWords {

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
        };
    }

    /** The plan's own words for a broadcast it dropped, else the status's explanation. */
    public static String explanation(ExceptionItem i) {
        return i.planReason() != null && !i.planReason().isBlank() ? i.planReason() : explanation(i.status());
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
        };
    }
}
