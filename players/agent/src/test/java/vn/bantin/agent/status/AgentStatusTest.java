package vn.bantin.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentStatusTest {

    @TempDir
    Path state;

    @Test
    void theFileEndsWithTheLatestOfManyQuickChanges() throws Exception {
        AgentStatus status = new AgentStatus(state, "dev");
        for (int i = 0; i <= 2_000; i++) {
            status.nowPlaying(new AgentStatus.NowPlaying("e" + i, "ab".repeat(32), "LOOP", "NORMAL", 1_000L + i), i % 101);
        }
        status.startError(-7);

        Map<String, Object> written = awaitFile(s -> Long.valueOf(-7).equals(number(s.get("lastStartErrorMs"))));
        assertThat(written).containsEntry("deviceId", "dev").containsEntry("volume", 2_000 % 101);
        assertThat(((Map<?, ?>) written.get("nowPlaying")).get("entryId")).isEqualTo("e2000");
        assertThat(state.resolve(".status.json.tmp")).doesNotExist();
    }

    /** The file is for people on the box: when it cannot be written the agent goes on, and the next change tries again. */
    @Test
    void aFileThatCannotBeWrittenStopsNothing() throws Exception {
        Path gone = state.resolve("not-yet");
        AgentStatus status = new AgentStatus(gone, "dev");
        status.clockOffsetMs(5);
        Thread.sleep(200);
        assertThat(gone).doesNotExist();

        Files.createDirectories(gone);
        status.clockOffsetMs(6);
        state = gone;
        assertThat(awaitFile(s -> Long.valueOf(6).equals(number(s.get("clockOffsetMs"))))).containsEntry("deviceId", "dev");
    }

    private Map<String, Object> awaitFile(java.util.function.Predicate<Map<String, Object>> done) throws Exception {
        Path file = state.resolve("status.json");
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            if (Files.exists(file)) {
                Map<String, Object> s = JSON.std.mapFrom(Files.readAllBytes(file));
                if (done.test(s)) {
                    return s;
                }
            }
            assertThat(System.currentTimeMillis()).as("status.json reached the expected state").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
