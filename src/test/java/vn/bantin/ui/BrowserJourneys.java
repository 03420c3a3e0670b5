package vn.bantin.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs one of the UI's journey files (src/main/frontend/e2e/*.test.mjs) with Node's test runner against a
 * running controller: real headless Chromium through playwright-core. Screenshots land in
 * target/ui-screenshots/. When a journey hands over to the devices (e2e/lib/signals.mjs), the matching
 * action here plays the device's part, then the journey goes on. The journey's own output is the failure message.
 */
final class BrowserJourneys {

    static final Path FRONTEND = Path.of("src/main/frontend").toAbsolutePath();
    static final Path SCREENSHOTS = Path.of("target/ui-screenshots").toAbsolutePath();
    private static final long TIMEOUT_MS = 240_000;

    /** A device's part in a journey; may throw, which fails the test. */
    @FunctionalInterface
    interface DeviceAction {
        void run() throws Exception;
    }

    private BrowserJourneys() {
    }

    static void run(String journey, String baseUrl, Map<String, String> env) throws Exception {
        run(journey, baseUrl, env, Map.of());
    }

    static void run(String journey, String baseUrl, Map<String, String> env, Map<String, DeviceAction> devices)
            throws Exception {
        Path signals = Files.createTempDirectory("journey-signals");
        ProcessBuilder pb = new ProcessBuilder(List.of("node", "--test", "--test-reporter=spec",
                "--test-concurrency=1", "e2e/" + journey)).directory(FRONTEND.toFile()).redirectErrorStream(true);
        pb.environment().put("BANTIN_URL", baseUrl);
        pb.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        pb.environment().put("SIGNAL_DIR", signals.toString());
        pb.environment().putAll(env);
        Path log = Files.createTempFile("journey", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        Set<String> handled = new HashSet<>();
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!p.waitFor(100, TimeUnit.MILLISECONDS) && System.currentTimeMillis() < deadline) {
            for (var device : devices.entrySet()) {
                if (!handled.contains(device.getKey()) && Files.exists(signals.resolve(device.getKey() + ".ready"))) {
                    handled.add(device.getKey());
                    device.getValue().run();
                    Files.createFile(signals.resolve(device.getKey() + ".done"));
                }
            }
        }
        boolean finished = !p.isAlive();
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        System.out.println(output);
        assertThat(finished).as("journey %s finished within %d s:%n%s", journey, TIMEOUT_MS / 1000, output).isTrue();
        assertThat(p.exitValue()).as("journey %s:%n%s", journey, output).isZero();
    }
}
