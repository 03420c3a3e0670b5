package vn.bantin.agent.amp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Amplifier commands: argument lists without a shell, a timeout that kills the whole command")
class AmpCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("arguments reach the program as they are: no shell expands them")
    void noShell() throws Exception {
        Path out = dir.resolve("touched $HOME;x");
        new AmpCommand(List.of("touch", out.toString()), Duration.ofSeconds(5), dir.resolve("o")).run();
        assertTrue(Files.exists(out));
    }

    @Test
    @DisplayName("a failing command is reported with its exit code and what it printed")
    void failure() {
        IOException e = assertThrows(IOException.class, () -> new AmpCommand(
                List.of("sh", "-c", "echo relay busy >&2; exit 3"), Duration.ofSeconds(5), dir.resolve("o")).run());
        assertEquals("sh exited with code 3: relay busy", e.getMessage());
    }

    @Test
    @DisplayName("a hung command is killed at its timeout, children included")
    void timeout() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> new AmpCommand(
                List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"), Duration.ofMillis(500),
                dir.resolve("o")).run());
        assertTrue(e.getMessage().endsWith("did not finish within 500 ms; killed"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        for (int i = 0; i < 100 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the sleep child was killed");
    }
}
