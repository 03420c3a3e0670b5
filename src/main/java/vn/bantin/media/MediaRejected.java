package vn.bantin.media;

/**
 * An upload that cannot become an asset. The message is for the staff member who uploaded it:
 * Vietnamese first, then English, separated by " / ". The reason lets the HTTP layer pick a status.
 */
public final class MediaRejected extends Exception {

    public enum Reason {
        EMPTY, TOO_LARGE, OVER_LIMIT, UNREADABLE, NO_MEDIA, ZERO_DURATION, CORRUPT, TRUNCATED, DURATION_MISMATCH,
        TIMEOUT
    }

    private final Reason reason;

    public MediaRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static MediaRejected empty() {
        return new MediaRejected(Reason.EMPTY, "Tệp rỗng (0 byte) / The file is empty (0 bytes)");
    }

    static MediaRejected tooLarge(long sizeBytes, long maxBytes) {
        return new MediaRejected(Reason.TOO_LARGE, String.format(
                "Tệp quá lớn: %s, giới hạn là %s / The file is too large: %s, the limit is %s",
                megabytes(sizeBytes), megabytes(maxBytes), megabytes(sizeBytes), megabytes(maxBytes)));
    }

    static MediaRejected unreadable() {
        return new MediaRejected(Reason.UNREADABLE,
                "Tệp không phải video, ảnh hay âm thanh hợp lệ (ffprobe không đọc được)"
                        + " / Not a valid video, image or audio file (ffprobe could not read it)");
    }

    static MediaRejected noMedia() {
        return new MediaRejected(Reason.NO_MEDIA,
                "Tệp không chứa hình ảnh hay âm thanh / The file contains no video, image or audio");
    }

    static MediaRejected zeroDuration() {
        return new MediaRejected(Reason.ZERO_DURATION,
                "Tệp có thời lượng bằng 0, không có gì để phát / The file has zero duration, nothing to play");
    }

    static MediaRejected corrupt() {
        return new MediaRejected(Reason.CORRUPT,
                "Tệp bị hỏng hoặc tải lên chưa hết, không phát được (lỗi giải mã)"
                        + " / The file is damaged or was not fully uploaded and cannot be played (decode error)");
    }

    /** Decoding ended well before the length the file's header claims: cut short, or a header that lies. */
    static MediaRejected truncated(long playableMs, long declaredMs) {
        return new MediaRejected(Reason.TRUNCATED, String.format(
                "Tệp ghi thời lượng %s nhưng chỉ giải mã được %s: tệp bị cắt cụt hoặc ghi sai thời lượng, hãy xuất"
                        + " lại tệp / The file's header says %s but only %s can be decoded: the file is truncated"
                        + " or its header is wrong; export it again",
                length(declaredMs), length(playableMs), length(declaredMs), length(playableMs)));
    }

    /** Decoding ran well past the length the header claims: the schedule would cut it off. */
    static MediaRejected longerThanDeclared(long playableMs, long declaredMs) {
        return new MediaRejected(Reason.DURATION_MISMATCH, String.format(
                "Tệp ghi thời lượng %s nhưng nội dung thực dài %s: phần đầu tệp ghi sai, hãy xuất lại tệp"
                        + " / The file's header says %s but its content plays for %s: the header is wrong;"
                        + " export it again",
                length(declaredMs), length(playableMs), length(declaredMs), length(playableMs)));
    }

    /** Our own rendition came out with a sample aspect other than 1:1: a board would stretch it. */
    static MediaRejected nonSquarePixels(String sar) {
        return new MediaRejected(Reason.CORRUPT, "Bản dựng có điểm ảnh không vuông (SAR " + sar + ")"
                + " / The rendition came out with non-square pixels (SAR " + sar + ")");
    }

    static MediaRejected timeout() {
        return new MediaRejected(Reason.TIMEOUT,
                "Kiểm tra tệp quá lâu nên không xác nhận được, hãy thử tệp nhỏ hơn"
                        + " / Checking the file took too long, so it could not be verified; try a smaller file");
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** "1.0 s" under a minute, else h:mm:ss. */
    private static String length(long ms) {
        return ms < 60_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0) : MediaLimits.clock(ms);
    }
}
