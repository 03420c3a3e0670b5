package vn.bantin.ui;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.Map;

@DisplayName("Web UI in real headless Chromium: sign-in, languages, phone width, keyboard, what the page loads")
class SignInBrowserTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("e2e/signin.test.mjs passes against a real controller")
    void signIn() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("data"))) {
            BrowserJourneys.run("signin.test.mjs", controller.baseUrl(), Map.of());
        }
    }
}
