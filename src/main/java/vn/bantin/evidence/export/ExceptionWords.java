package vn.bantin.evidence.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import vn.bantin.evidence.report.BroadcastStatus;
import vn.bantin.evidence.report.ExceptionItem;
import vn.bantin.evidence.report.Preemption;

/** Why a broadcast did not play, in the words a report uses (Vietnamese; English beside it in the API). */
public final class ExceptionWords {

    /** One status in one language: its heading and what it means. */
    private record Words(String heading, String explanation) {
    }

    /**
     * The sentences that name a live session's (or an alert's) part in an exception, in one language.
     *
     * @param alertHeading the heading of a stretch of a window an alert took the air over
     */
    private record LiveWords(String yielded, String onAir, String droppedHeading, String droppedAt,
                             String droppedRest, String alertHeading) {

        String yieldedTo(Preemption p) {
            return p.byAlert() ? alertHeading + ": " : yielded;
        }
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<BroadcastStatus, Words> VI = new EnumMap<>(BroadcastStatus.class);
    private static final Map<BroadcastStatus, Words> EN = new EnumMap<>(BroadcastStatus.class);
    private static final LiveWords LIVE_VI = new LiveWords("Nhường cho phát trực tiếp: ", "đang phát",
            "Thiết bị mất kết nối trong phiên", "Thiết bị mất kết nối lúc ",
            " khi đang phát trực tiếp; không có bản ghi của phiên", "Nhường cho bản tin khẩn cấp");
    private static final LiveWords LIVE_EN = new LiveWords("Yielded to a live broadcast: ", "on air",
            "Device lost its connection during the session", "The device lost its connection at ",
            " during the live session; no record of the session", "Yielded to an emergency alert");

    static {
        words(BroadcastStatus.PLAYED, "Đã phát", "Phát trọn vẹn, có bản ghi ký số của thiết bị",
                "Played", "Played to the end, with the device's signed record");
        words(BroadcastStatus.MISSED, "Bỏ lỡ", "Thiết bị không phát được đúng giờ (thiếu tệp, thiết bị khởi động"
                + " lại...)", "Missed", "The device could not play it on time (file missing, device restarted...)");
        words(BroadcastStatus.INTERRUPTED, "Bị ngắt", "Đang phát thì bị ngắt (bởi cảnh báo khẩn cấp, mất điện, dừng"
                + " thủ công...)", "Interrupted", "Cut while playing (by an emergency alert, a power cut, a manual"
                + " stop...)");
        words(BroadcastStatus.FAILED, "Lỗi phát", "Thiết bị báo lỗi khi phát (tệp hỏng, lỗi trình phát...)",
                "Failed", "The device reported an error playing it (broken file, player error...)");
        words(BroadcastStatus.UNREPORTED, "Chưa có bản ghi", "Đã đến giờ phát nhưng chưa nhận được bản ghi từ thiết"
                + " bị", "No record yet", "Due, but no record has arrived from the device yet");
        words(BroadcastStatus.NOT_DELIVERED, "Chưa chuyển tới thiết bị", "Thiết bị chưa tải lịch phát có bản tin"
                + " này", "Not delivered to the device", "The device never fetched the timeline holding this"
                + " broadcast");
        words(BroadcastStatus.OFFLINE, "Thiết bị mất kết nối", "Thiết bị mất kết nối vào giờ phát",
                "Device offline", "The device was offline when it was due");
        words(BroadcastStatus.DROPPED, "Bị loại khỏi lịch phát", "Kế hoạch bỏ bản tin vì trùng giờ với bản tin ưu"
                + " tiên hơn", "Dropped from the plan", "The plan dropped it: it clashed with a higher broadcast");
        words(BroadcastStatus.PREEMPTED_LIVE, "Nhường cho phát trực tiếp", "Phiên phát trực tiếp chiếm sóng vào"
                + " giờ phát; không tính vào tỷ lệ hoàn thành", "Yielded to a live broadcast", "A live session"
                + " held the air when it was due; not counted in the completion rate");
    }

    private ExceptionWords() {
    }

    private static void words(BroadcastStatus s, String heading, String explanation, String headingEn,
                              String explanationEn) {
        VI.put(s, new Words(heading, explanation));
        EN.put(s, new Words(headingEn, explanationEn));
    }

    public static String heading(BroadcastStatus s) {
        return VI.get(s).heading();
    }

    public static String explanation(BroadcastStatus s) {
        return VI.get(s).explanation();
    }

    /**
     * The heading of one exception: a device that dropped out of a live session says when; a stretch of a window an
     * alert took says it yielded to the alert.
     */
    public static String heading(ExceptionItem i, ZoneId zone) {
        return heading(i, zone, VI, LIVE_VI);
    }

    public static String headingEn(ExceptionItem i, ZoneId zone) {
        return heading(i, zone, EN, LIVE_EN);
    }

    /**
     * The session or alert that took the air, the plan's own words for a broadcast it dropped, else the status's
     * words.
     */
    public static String explanation(ExceptionItem i, ZoneId zone) {
        return explanation(i, zone, VI, LIVE_VI);
    }

    public static String explanationEn(ExceptionItem i, ZoneId zone) {
        return explanation(i, zone, EN, LIVE_EN);
    }

    private static String heading(ExceptionItem i, ZoneId zone, Map<BroadcastStatus, Words> words, LiveWords live) {
        if (i.preemptedBy() != null && i.preemptedBy().byAlert()) {
            return live.alertHeading();
        }
        return i.disconnectedAt() != null ? live.droppedHeading() + " (" + hour(i.disconnectedAt(), zone) + ")"
                : words.get(i.status()).heading();
    }

    private static String explanation(ExceptionItem i, ZoneId zone, Map<BroadcastStatus, Words> words,
                                      LiveWords live) {
        if (i.preemptedBy() != null) {
            return live.yieldedTo(i.preemptedBy()) + i.preemptedBy().title() + " ("
                    + span(i.preemptedBy(), zone, live.onAir()) + ")";
        }
        if (i.disconnectedAt() != null) {
            return live.droppedAt() + hour(i.disconnectedAt(), zone) + live.droppedRest();
        }
        return i.planReason() != null && !i.planReason().isBlank() ? i.planReason()
                : words.get(i.status()).explanation();
    }

    private static String span(Preemption p, ZoneId zone, String ongoing) {
        return hour(p.fromMs(), zone) + "–" + (p.toMs() == null ? ongoing : hour(p.toMs(), zone));
    }

    private static String hour(long ms, ZoneId zone) {
        return HOUR.withZone(zone).format(Instant.ofEpochMilli(ms));
    }
}
