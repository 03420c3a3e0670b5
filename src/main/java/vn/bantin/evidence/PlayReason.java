package vn.bantin.evidence;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device's reason for a play that was not played whole, in words a culture officer understands (Vietnamese,
 * English). The agent writes its reasons as technical English (contract: play record {@code reason}); the ones
 * it is known to write are put in plain words here, anything else is shown as the device wrote it. Pure.
 */
public final class PlayReason {

    /** The reason in plain words; {@code device} = exactly what the device wrote. */
    public record Words(String vi, String en, String device) {
    }

    private record Phrase(Pattern pattern, Function<Matcher, Words> words) {
    }

    private static final List<Phrase> PHRASES = List.of(
            phrase("preempted by emergency alert", m -> words("nhường cho bản tin khẩn cấp",
                    "cut off for an emergency alert")),
            phrase("preempted by emergency live session (\\d+)", m -> words("nhường cho phát trực tiếp khẩn cấp (phiên "
                    + m.group(1) + ")", "cut off for emergency live session " + m.group(1))),
            phrase("preempted by a new timeline", m -> words("bị thay bởi lịch phát mới", "replaced by a new timeline")),
            phrase("agent stopped", m -> words("phần mềm phát trên thiết bị đã dừng", "the player software stopped")),
            phrase("not played at its time: the agent was not running", m -> words(
                    "thiết bị không chạy vào giờ phát (mất điện hoặc tắt máy)",
                    "the device was not running at the time (power cut or switched off)")),
            phrase("media not in the cache within (\\d+) ms of its start", m -> words(
                    "chưa tải được tệp về thiết bị trong " + seconds(m.group(1)) + " giây sau giờ phát",
                    "the file had not reached the device " + seconds(m.group(1)) + " s after the time")),
            phrase("reached (\\d+) ms late", m -> words("thiết bị đến giờ phát muộn " + seconds(m.group(1)) + " giây",
                    "the device reached it " + seconds(m.group(1)) + " s late")),
            phrase("controller time moved (forward|back) by (\\d+) ms.*", m -> words(
                    "đồng hồ thiết bị được chỉnh " + ("forward".equals(m.group(1)) ? "nhanh" : "chậm") + " "
                            + seconds(m.group(2)) + " giây theo máy chủ",
                    "the device clock was corrected " + m.group(1) + " by " + seconds(m.group(2)) + " s")),
            phrase("joined ([\\d.]+) s into the item; heard (\\d+) of (\\d+) ms", m -> words(
                    "bắt đầu muộn " + m.group(1) + " giây; nghe được " + share(m, 2, 3) + " giây",
                    "joined " + m.group(1) + " s late; " + share(m, 2, 3) + " s" + " heard")),
            phrase("(cut when the next item was due|cut at the next item's time) after (\\d+) of (\\d+) ms", m -> words(
                    "bị cắt khi đến giờ mục tiếp theo, sau " + share(m, 2, 3) + " giây",
                    "cut when the next item was due, after " + share(m, 2, 3) + " s")),
            phrase("loop window ended after (\\d+) of (\\d+) ms", m -> words(
                    "hết khung giờ phát lặp, sau " + share(m, 1, 2) + " giây",
                    "the loop window ended, after " + share(m, 1, 2) + " s")),
            phrase("ended after (\\d+) of (\\d+) ms", m -> words("tệp dừng sớm, sau " + share(m, 1, 2) + " giây",
                    "the file stopped early, after " + share(m, 1, 2) + " s")),
            phrase("mpv could not (?:play|load) the file.*", m -> words("không phát được tệp (tệp hỏng hoặc sai định dạng)",
                    "the file could not be played (damaged or of a wrong format)")),
            phrase(".*; mpv restarted", m -> words("trình phát bị lỗi và được khởi động lại",
                    "the player crashed and was restarted")),
            phrase("mpv stopped answering.*", m -> words("trình phát bị treo và được khởi động lại",
                    "the player hung and was restarted")),
            phrase("mpv ended the file: .*", m -> words("trình phát dừng tệp giữa chừng", "the player stopped the file")),
            phrase("no end of file from mpv", m -> words("trình phát không báo hết tệp đúng giờ",
                    "the player did not finish the file in time")),
            phrase("mpv: .*", m -> words("trình phát bị lỗi", "the player failed")));

    private PlayReason() {
    }

    /** Null when the device gave no reason. */
    public static Words of(String device) {
        if (device == null || device.isBlank()) {
            return null;
        }
        for (Phrase p : PHRASES) {
            Matcher m = p.pattern().matcher(device.trim());
            if (m.matches()) {
                Words w = p.words().apply(m);
                return new Words(w.vi(), w.en(), device);
            }
        }
        return new Words(device, device, device);
    }

    private static Phrase phrase(String regex, Function<Matcher, Words> words) {
        return new Phrase(Pattern.compile(regex), words);
    }

    private static Words words(String vi, String en) {
        return new Words(vi, en, null);
    }

    /** "heard/of" in seconds. */
    private static String share(Matcher m, int heard, int of) {
        return seconds(m.group(heard)) + "/" + seconds(m.group(of));
    }

    private static String seconds(String ms) {
        long value = Long.parseLong(ms);
        return value < 10_000 ? String.format(Locale.ROOT, "%.1f", value / 1000.0) : String.valueOf(value / 1000);
    }
}
