package vn.bantin.schedule;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A conflict's message for staff, written out when first read: a province compiles to hundreds of
 * thousands of conflicts and most messages are never shown. Made by the static factories below,
 * which capture only the values the text needs, never the planner.
 */
final class ConflictReason {

    private final Supplier<String> writer;
    private String text;

    private ConflictReason(Supplier<String> writer) {
        this.writer = writer;
    }

    /** Racing readers may both write it; they write the same text. */
    String text() {
        String written = text;
        if (written == null) {
            written = writer.get();
            text = written;
        }
        return written;
    }

    static ConflictReason insideQuietHours(String quiet) {
        return new ConflictReason(() -> "Trong giờ yên lặng " + quiet + " / Inside quiet hours " + quiet);
    }

    static ConflictReason dropped(String blocker, long delayMs, Duration allowed) {
        return new ConflictReason(() -> "Bỏ: trùng «" + blocker + "», phải lùi " + minutes(delayMs)
                + " phút, quá " + allowed.toMinutes() + " phút cho phép / Dropped: collides with '" + blocker
                + "', would be " + minutes(delayMs) + " min late, over the allowed "
                + allowed.toMinutes() + " min");
    }

    static ConflictReason delayedIntoQuietHours(String blocker, String quiet) {
        return new ConflictReason(() -> "Lùi sau «" + blocker + "» thì rơi vào giờ yên lặng " + quiet
                + " / Delayed behind '" + blocker + "' into quiet hours " + quiet);
    }

    static ConflictReason delayed(String blocker, long delayMs) {
        return new ConflictReason(() -> "Lùi " + minutes(delayMs) + " phút, phát ngay sau «" + blocker
                + "» / Delayed " + minutes(delayMs) + " min, plays right after '" + blocker + "'");
    }

    static ConflictReason loopCutByQuietHours(String quiet) {
        return new ConflictReason(() -> "Cắt phần trong giờ yên lặng " + quiet
                + " / Cut the part inside quiet hours " + quiet);
    }

    private static long minutes(long ms) {
        return (ms + 59_999) / 60_000;
    }
}
