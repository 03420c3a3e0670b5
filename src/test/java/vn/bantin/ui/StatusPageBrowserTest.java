package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.TestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Status page in a real headless Chromium")
class StatusPageBrowserTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("with the token in the fragment it lists endpoints with their state; without it, it asks for the token")
    void rendersEndpoints() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("data"))) {
            var api = controller.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Gia Viên")).json().getLong("id");
            api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa tổ dân phố 5").put("kind", "SPEAKER")
                    .put("areaId", area).put("tags", new JsonArray()));

            String page = dumpDom(controller.baseUrl() + "/#token=" + controller.token());
            assertThat(page).contains("Cụm loa tổ dân phố 5", "SPEAKER", "UNENROLLED");
            assertThat(page).containsPattern("<main id=\"status\"(?! hidden)");

            String locked = dumpDom(controller.baseUrl() + "/");
            assertThat(locked).doesNotContain("Cụm loa tổ dân phố 5");
            assertThat(locked).containsPattern("<section id=\"login\"(?! hidden)");
        }
    }

    /** The DOM after the page's scripts ran, as Chromium serialises it. */
    private String dumpDom(String url) throws Exception {
        Process p = new ProcessBuilder(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("chromium-" + System.nanoTime()),
                "--virtual-time-budget=4000", "--dump-dom", url)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return dom;
    }
}
