package vn.bantin.http.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.Browser;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("People and API tokens: an ADMIN manages only their own subtree")
class PeopleApiTest {

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;
    long province;
    long commune;
    long otherProvince;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        api = controller.api();
        province = area("Tỉnh Lâm Đồng", null);
        commune = area("Xã Lát", province);
        otherProvince = area("Tỉnh Khánh Hòa", null);
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private long area(String name, Long parent) {
        return api.post("/api/v1/areas", new JsonObject().put("name", name).put("parentId", parent)).json().getLong("id");
    }

    @Test
    @DisplayName("a made password is shown once; lists and reads never show a password or hash")
    void generatedPassword() {
        HttpApi.Answer made = api.post("/api/v1/users", new JsonObject().put("username", "thu.editor")
                .put("displayName", "Nguyễn Thị Thu").put("role", "EDITOR").put("areaId", commune));

        assertThat(made.status()).isEqualTo(201);
        assertThat(made.header("Cache-Control")).isEqualTo("no-store");
        String password = made.json().getString("password");
        assertThat(password).hasSize(16);
        long id = made.json().getLong("id");
        assertThat(api.get("/api/v1/users/" + id).body()).doesNotContain(password).doesNotContain("argon2");
        assertThat(api.get("/api/v1/users").body()).doesNotContain("password").doesNotContain("argon2");
        assertThat(new Browser(controller.baseUrl()).login("thu.editor", password).status()).isEqualTo(200);

        String reset = api.post("/api/v1/users/" + id + "/password", "{}").json().getString("password");
        assertThat(reset).isNotEqualTo(password);
        assertThat(new Browser(controller.baseUrl()).login("thu.editor", password).status()).isEqualTo(401);
        assertThat(new Browser(controller.baseUrl()).login("thu.editor", reset).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("bad usernames, weak passwords, taken names and unknown roles are refused with their reason")
    void validation() {
        JsonObject ok = new JsonObject().put("username", "minh").put("role", "VIEWER").put("areaId", commune);
        assertThat(api.post("/api/v1/users", ok.copy().put("username", "Có dấu")).json().getString("code"))
                .isEqualTo("bad_field");
        assertThat(api.post("/api/v1/users", ok.copy().put("password", "123")).json().getString("code"))
                .isEqualTo("bad_field");
        assertThat(api.post("/api/v1/users", ok.copy().put("role", "ROOT")).json().getString("code"))
                .isEqualTo("bad_field");
        assertThat(api.post("/api/v1/users", ok).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/users", ok.copy().put("username", "MINH")).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/users", ok.copy().put("username", "x").put("areaId", 9999)).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/users", ok.copy().put("username", "minh2").put("areaId", 9999)).status())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("a province ADMIN sees and makes people only inside the province, never wider than itself")
    void adminScope() {
        String password = controller.createUser("admin.lamdong", Role.ADMIN, province);
        controller.createUser("viewer.khanhhoa", Role.VIEWER, otherProvince);
        Browser provinceAdmin = new Browser(controller.baseUrl()).signedIn("admin.lamdong", password);

        HttpApi.Answer inCommune = provinceAdmin.post("/api/v1/users", new JsonObject().put("username", "op.lat")
                .put("role", "OPERATOR").put("areaId", commune));
        assertThat(inCommune.status()).isEqualTo(201);
        assertThat(provinceAdmin.post("/api/v1/users", new JsonObject().put("username", "x.kh").put("role", "EDITOR")
                .put("areaId", otherProvince)).status()).isEqualTo(404);
        assertThat(provinceAdmin.post("/api/v1/users", new JsonObject().put("username", "x.all").put("role", "ADMIN"))
                .status()).isEqualTo(404);

        JsonArray seen = provinceAdmin.get("/api/v1/users").array();
        assertThat(seen.stream().map(o -> ((JsonObject) o).getString("username")))
                .containsExactlyInAnyOrder("admin.lamdong", "op.lat");
        long outsider = api.get("/api/v1/users").array().stream().map(o -> (JsonObject) o)
                .filter(u -> u.getString("username").equals("viewer.khanhhoa")).findFirst().orElseThrow().getLong("id");
        assertThat(provinceAdmin.get("/api/v1/users/" + outsider).status()).isEqualTo(404);
        assertThat(provinceAdmin.post("/api/v1/users/" + outsider + "/password", "{}").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("an ADMIN cannot change their own role, area or disabled flag; role changes end the person's sessions")
    void ownAccess() {
        Browser self = controller.signedIn("admin.self", Role.ADMIN, null);
        long selfId = self.get("/api/v1/session").json().getJsonObject("user").getLong("id");
        assertThat(self.post("/api/v1/users", new JsonObject()).status()).isEqualTo(400);

        Browser editor = controller.signedIn("editor.one", Role.EDITOR, commune);
        long editorId = editor.get("/api/v1/session").json().getJsonObject("user").getLong("id");

        assertThat(api.put("/api/v1/users/" + editorId, new JsonObject().put("role", "VIEWER")).json()
                .getString("role")).isEqualTo("VIEWER");
        assertThat(editor.get("/api/v1/session").status()).isEqualTo(401);
        HttpApi.Answer selfChange = controller.api().put("/api/v1/users/" + selfId, new JsonObject()
                .put("displayName", "Tên mới"));
        assertThat(selfChange.status()).isEqualTo(200);
        assertThat(self.get("/api/v1/session").json().getJsonObject("user").getString("displayName"))
                .isEqualTo("Tên mới");
    }

    @Test
    @DisplayName("API tokens: shown once, hashed, acting with their role and area, refused once revoked")
    void apiTokens() {
        HttpApi.Answer made = api.post("/api/v1/tokens", new JsonObject().put("name", "Cổng thông tin tỉnh")
                .put("role", "VIEWER").put("areaId", province));
        assertThat(made.status()).isEqualTo(201);
        String token = made.json().getString("token");
        assertThat(token).startsWith("bt_").hasSize(46);
        long id = made.json().getLong("id");
        HttpApi integration = api.withToken(token);

        assertThat(integration.get("/api/v1/campaigns").status()).isEqualTo(200);
        assertThat(integration.post("/api/v1/areas", new JsonObject().put("name", "x")).status()).isEqualTo(403);
        JsonObject session = integration.get("/api/v1/session").json();
        assertThat(session.getJsonObject("user").getString("role")).isEqualTo("VIEWER");
        assertThat(session.getJsonObject("user").getLong("areaId")).isEqualTo(province);
        JsonObject listed = api.get("/api/v1/tokens").array().getJsonObject(0);
        assertThat(listed.getLong("lastUsedAt")).isNotNull();
        assertThat(listed.fieldNames()).doesNotContain("token", "tokenHash");

        assertThat(api.delete("/api/v1/tokens/" + id).json().getLong("revokedAt")).isNotNull();
        assertThat(integration.get("/api/v1/campaigns").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("deleting a person ends their sessions and keeps their name in history; never oneself or the last admin")
    void deletion() throws Exception {
        Browser communeAdmin = controller.signedIn("admin.lat", Role.ADMIN, commune);
        Browser editor = controller.signedIn("editor.lat", Role.EDITOR, commune);
        long editorId = editor.get("/api/v1/session").json().getJsonObject("user").getLong("id");
        long adminId = communeAdmin.get("/api/v1/session").json().getJsonObject("user").getLong("id");
        long asset = editor.post("/api/v1/tts", new JsonObject().put("text", "Thông báo họp thôn").put("name", "Họp"))
                .json().getLong("id");
        assertThat(editor.post("/api/v1/assets/" + asset + "/submit", "{}").status()).isEqualTo(200);
        String outsider = controller.createUser("viewer.kh", Role.VIEWER, otherProvince);

        assertThat(communeAdmin.delete("/api/v1/users/" + adminId).json().getString("code")).isEqualTo("own_account");
        long outsiderId = api.get("/api/v1/users?username=viewer.kh").array().getJsonObject(0).getLong("id");
        assertThat(communeAdmin.delete("/api/v1/users/" + outsiderId).status()).isEqualTo(404);
        assertThat(new Browser(controller.baseUrl()).login("viewer.kh", outsider).status()).isEqualTo(200);

        assertThat(communeAdmin.delete("/api/v1/users/" + editorId).status()).isEqualTo(204);
        assertThat(editor.get("/api/v1/session").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/" + editorId).status()).isEqualTo(404);
        JsonArray history = api.get("/api/v1/assets/" + asset).json().getJsonObject("approval").getJsonArray("history");
        assertThat(history.getJsonObject(history.size() - 1).getString("by")).isEqualTo("editor.lat");
        assertThat(history.getJsonObject(history.size() - 1).getString("byName")).as("a deleted person: the login kept")
                .isEqualTo("editor.lat");
        assertThat(awaitAudit("users/" + editorId).getString("action")).isEqualTo("DELETE /api/v1/users/{id}");

        long only = api.get("/api/v1/users?username=admin.lat").array().getJsonObject(0).getLong("id");
        String password = controller.createUser("admin.tinh", Role.ADMIN, null);
        long province = api.get("/api/v1/users?username=admin.tinh").array().getJsonObject(0).getLong("id");
        assertThat(api.delete("/api/v1/users/" + province).json().getString("code")).isEqualTo("last_admin");
        Browser second = new Browser(controller.baseUrl()).signedIn("admin.tinh", password);
        controller.createUser("admin.tinh2", Role.ADMIN, null);
        assertThat(second.delete("/api/v1/users/" + only).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/users/" + province).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("the last enabled ADMIN over every area can't be disabled, demoted or narrowed; with a second one it can")
    void lastAdminKeepsAccess() {
        String password = controller.createUser("admin.only", Role.ADMIN, null);
        long only = api.get("/api/v1/users?username=admin.only").array().getJsonObject(0).getLong("id");
        for (JsonObject change : List.of(new JsonObject().put("disabled", true), new JsonObject().put("role", "EDITOR"),
                new JsonObject().put("areaId", province))) {
            HttpApi.Answer refused = api.put("/api/v1/users/" + only, change);
            assertThat(refused.status()).as(change.encode()).isEqualTo(409);
            assertThat(refused.json().getString("code")).isEqualTo("last_admin");
        }
        JsonObject unchanged = api.get("/api/v1/users/" + only).json();
        assertThat(unchanged.getString("role")).isEqualTo("ADMIN");
        assertThat(unchanged.getValue("areaId")).isNull();
        assertThat(unchanged.getBoolean("disabled")).isFalse();
        assertThat(new Browser(controller.baseUrl()).login("admin.only", password).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/users/" + only, new JsonObject().put("displayName", "Quản trị")).status())
                .isEqualTo(200);

        controller.createUser("admin.second", Role.ADMIN, null);
        assertThat(api.put("/api/v1/users/" + only, new JsonObject().put("disabled", true)).json()
                .getBoolean("disabled")).isTrue();
        long second = api.get("/api/v1/users?username=admin.second").array().getJsonObject(0).getLong("id");
        assertThat(api.put("/api/v1/users/" + second, new JsonObject().put("role", "VIEWER")).json()
                .getString("code")).isEqualTo("last_admin");
    }

    private JsonObject awaitAudit(String object) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            JsonArray records = api.get("/api/v1/audit?object=" + object).json().getJsonArray("records");
            for (Object r : records) {
                if (((JsonObject) r).getString("action").startsWith("DELETE")) {
                    return (JsonObject) r;
                }
            }
            assertThat(System.currentTimeMillis()).as("audit record of " + object).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
