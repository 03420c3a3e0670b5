package vn.bantin.http.hardening;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Security headers on every page and API answer")
class SecurityHeadersTest {

    @TempDir
    Path dir;
    TestController controller;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.toString()));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("the page, a public API answer, a refusal and an unknown path all carry CSP, framing, nosniff and"
            + " referrer headers; the page is revalidated, API answers are not stored")
    void everywhere() {
        HttpApi api = controller.api();
        for (HttpApi.Answer a : List.of(api.get("/"), api.get("/api/v1/health"), api.get("/api/v1/areas"),
                api.withoutToken().get("/api/v1/areas"), api.get("/api/v1/no-such"), api.get("/agent/v1/timeline"))) {
            assertThat(a.header("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(a.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(a.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        assertThat(api.get("/").header("Cache-Control")).isEqualTo("no-cache").doesNotContain("immutable");
        assertThat(api.get("/api/v1/areas").header("Cache-Control")).isEqualTo("no-store");
    }
}
