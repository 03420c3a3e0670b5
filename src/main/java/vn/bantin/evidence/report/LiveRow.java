package vn.bantin.evidence.report;

/**
 * How reports name a live microphone session's row: what was said and who spoke, under the topic "Phát trực tiếp"
 * (its cells are keyed {@link RollupKey#liveSession}).
 */
public final class LiveRow {

    public static final String TOPIC = "Phát trực tiếp";

    private LiveRow() {
    }

    public static String name(String title, String startedBy) {
        return TOPIC + ": " + title + " — người nói: " + startedBy;
    }
}
