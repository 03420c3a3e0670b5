package vn.bantin.ui;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Web UI in real headless Chromium: an admin manages people, roles and API tokens and reads the audit trail")
class PeopleBrowserTest {

    static final String XSS_NAME = "<img src=x onerror=\"window.__xss=1\">Trần Văn Hùng";
    static final String XSS_AREA = "Thôn <script>window.__xss=2</script>Khe Cát";

    @TempDir
    Path dir;

    @Test
    @DisplayName("e2e/people.test.mjs passes: create, sign in, change, reset, disable; tokens; the trail and its chain")
    void people() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("data"))) {
            HttpApi api = controller.api();
            long province = api.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Quảng Ninh")
                    .put("zone", "Asia/Ho_Chi_Minh")).json().getLong("id");
            long commune = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Hồng Gai")
                    .put("parentId", province)).json().getLong("id");
            HttpApi provinceAdmin = controller.as(Role.ADMIN, province);
            assertThat(provinceAdmin.post("/api/v1/areas", new JsonObject().put("name", XSS_AREA)
                    .put("parentId", commune)).status()).isEqualTo(201);
            HttpApi.Answer hung = provinceAdmin.post("/api/v1/users", new JsonObject().put("username", "hung.vanhanh")
                    .put("displayName", XSS_NAME).put("role", "OPERATOR").put("areaId", commune));
            assertThat(hung.status()).as(hung.body()).isEqualTo(201);
            JsonObject people = new JsonObject().put("ADMIN", new JsonObject().put("username", "tinh.quantri")
                    .put("password", controller.createUser("tinh.quantri", Role.ADMIN, province)));
            BrowserJourneys.run("people.test.mjs", controller.baseUrl(), Map.of("BANTIN_PEOPLE", people.encode()));
        }
    }
}
