package vn.bantin.ui;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

@DisplayName("Web UI in real headless Chromium: every role signs in; the dashboard fills in live from the device")
class DashboardBrowserTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("e2e/dashboard.test.mjs passes while a signed agent heartbeats, fetches a loop and a relay, uploads a play, reports and clears a fault")
    void dashboard() throws Exception {
        try (CommuneWorld world = new CommuneWorld(dir)) {
            var entry = world.firstEntry();
            BrowserJourneys.run("dashboard.test.mjs", world.controller.baseUrl(),
                    Map.of("BANTIN_PEOPLE", world.people().encode()),
                    Map.of("playing", () -> world.heartbeat(entry), "looping", () -> {
                        world.loopNow("Phát lặp an toàn giao thông", 30);
                        world.timeline();
                    }, "played", () -> world.played(entry), "relaying", () -> {
                        world.relayNow("Đài tỉnh", 30);
                        world.timeline();
                    }, "amp-failed", () -> world.heartbeatAmplifier(true),
                            "amp-cleared", () -> world.heartbeatAmplifier(false)));
        }
    }
}
