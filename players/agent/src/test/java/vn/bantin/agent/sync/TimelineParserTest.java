package vn.bantin.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimelineParserTest {

    private static final String SHA = "ab".repeat(32);

    static byte[] weekOfBulletins(int entries) {
        return weekOfBulletins("d", 9, entries);
    }

    static byte[] weekOfBulletins(String deviceId, long serial, int entries) {
        StringBuilder b = new StringBuilder("{\"deviceId\":\"" + deviceId + "\",\"endpointId\":3,\"version\":\"v"
                + serial + "\",\"serial\":" + serial + ","
                + "\"from\":0,\"to\":999999999999,\"extra\":{\"ignored\":[1,2]},\"entries\":[");
        for (int i = 0; i < entries; i++) {
            long start = 1_000_000L + i * 30_000L;
            b.append(i == 0 ? "" : ",").append("{\"id\":\"e").append(i).append("\",\"start\":").append(start)
                    .append(",\"end\":").append(start + 8_725).append(",\"mode\":\"ONCE\",\"class\":\"NORMAL\",")
                    .append("\"campaignId\":3,\"campaign\":\"Bản tin sáng\",\"volume\":80,\"anchor\":").append(start)
                    .append(",\"items\":[{\"sha256\":\"").append(SHA).append("\",\"size\":69912,\"durationMs\":8725,")
                    .append("\"kind\":\"AUDIO\",\"url\":\"/agent/v1/media/").append(SHA).append("\"}]}");
        }
        return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aWeekOf30SecondEntriesIsReadWithItemsAndNamesSharedAndFoundByBinarySearch() throws Exception {
        Timeline t = TimelineParser.parse(weekOfBulletins(25_000));
        assertThat(t.entries()).hasSize(25_000);
        assertThat(t.serial()).isEqualTo(9);
        assertThat(t.entries().get(7).items().get(0)).isSameAs(t.entries().get(24_999).items().get(0));
        assertThat(t.entries().get(7).campaign()).isSameAs(t.entries().get(8).campaign()).isEqualTo("Bản tin sáng");
        assertThat(t.lastStartingBy(1_000_000L + 12_345 * 30_000L + 5)).isEqualTo(12_345);
        assertThat(t.lastStartingBy(999_999)).isEqualTo(-1);
    }

    @Test
    void missingOrMistypedFieldsAreRefused() {
        assertThatThrownBy(() -> TimelineParser.parse("{\"deviceId\":\"d\",\"version\":\"v\",\"serial\":1,\"from\":0,\"to\":1}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("missing entries");
        assertThatThrownBy(() -> TimelineParser.parse(("{\"deviceId\":\"d\",\"version\":\"v\",\"from\":\"0\",\"to\":1,"
                + "\"entries\":[]}").getBytes(StandardCharsets.UTF_8))).hasMessageContaining("from must be a whole number");
    }
}
