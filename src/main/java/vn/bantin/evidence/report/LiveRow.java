package vn.bantin.evidence.report;

/**
 * How reports name a live microphone session's row: what was said and who spoke, under the topic "Phát trực tiếp"
 * (its cells are keyed {@link RollupKey#liveSession}).
 */
public final class LiveRow {

    public static final String TOPIC = "Phát trực tiếp";

    private LiveRow() {
    }

    /** @param speaker who opened the session, by display name (their login when no such user is left) */
    public static String name(String title, String speaker) {
        return TOPIC + ": " + title + " — người nói: " + speaker;
    }
}
