package vn.bantin.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one of the UI's journey files (src/main/frontend/e2e/*.test.mjs) with Node's test runner against a
 * running controller: real headless Chromium through playwright-core. Screenshots land in
 * target/ui-screenshots/. The journey's own output is the failure message.
 */
final class BrowserJourneys {

    static final Path FRONTEND = Path.of("src/main/frontend").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target/ui-screenshots").toAbsolutePath();
    private static final long TIMEOUT_S = 240;

    private BrowserJourneys() {
    }

    static void run(String journey, String baseUrl, Map<String, String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec",
                "--test-concurrency=1", "e2e/" + journey));
        ProcessBuilder pb = new ProcessBuilder(command).directory(FRONTEND.toFile()).redirectErrorStream(true);
        pb.environment().put("BANTIN_URL", baseUrl);
        pb.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        pb.environment().putAll(env);
        Path log = Files.createTempFile("journey", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(TIMEOUT_S, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(output);
        assertThat(finished).as("journey %s finished within %d s:%n%s", journey, TIMEOUT_S, output).isTrue();
        assertThat(p.exitValue()).as("journey %s:%n%s", journey, output).isZero();
    }
}
