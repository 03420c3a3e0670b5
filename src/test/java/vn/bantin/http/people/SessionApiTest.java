package vn.bantin.http.people;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Browser;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Browser sessions: cookie, CSRF, expiry, rate limits, password change")
class SessionApiTest {

    @TempDir
    Path dir;
    TestController controller;

    private TestController start(Map<String, String> extra) throws Exception {
        Map<String, String> keys = new HashMap<>(extra);
        keys.put(ConfigLoader.DATA_DIR, dir.resolve("data").toString());
        controller = TestController.start(keys);
        return controller;
    }

    @AfterEach
    void stop() {
        if (controller != null) {
            controller.close();
        }
    }

    private long area(String name) {
        return controller.api().post("/api/v1/areas", new JsonObject().put("name", name)).json().getLong("id");
    }

    @Test
    @DisplayName("sign-in sets an HttpOnly SameSite=Strict cookie and answers the user and a CSRF token")
    void signIn() throws Exception {
        start(Map.of());
        long commune = area("Xã Bom Bo");
        String password = controller.createUser("lan.editor", Role.EDITOR, commune);
        Browser browser = new Browser(controller.baseUrl());

        HttpApi.Answer in = browser.login("Lan.Editor", password);

        assertThat(in.status()).isEqualTo(200);
        assertThat(in.header("Set-Cookie").toLowerCase()).startsWith("bantin_session=").contains("httponly",
                "samesite=strict", "path=/").doesNotContain("secure");
        JsonObject user = in.json().getJsonObject("user");
        assertThat(user.getString("username")).isEqualTo("lan.editor");
        assertThat(user.getString("role")).isEqualTo("EDITOR");
        assertThat(user.getLong("areaId")).isEqualTo(commune);
        assertThat(user.getString("areaName")).isEqualTo("Xã Bom Bo");
        assertThat(user.getString("language")).isEqualTo("vi");
        assertThat(user.fieldNames()).contains("id", "displayName").doesNotContain("password", "passwordHash");
        String csrf = in.json().getString("csrfToken");
        assertThat(csrf).hasSize(43);

        HttpApi.Answer current = browser.get("/api/v1/session");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().getString("csrfToken")).isEqualTo(csrf);
        assertThat(browser.get("/api/v1/campaigns").status()).isEqualTo(200);
        assertThat(new Browser(controller.baseUrl()).get("/api/v1/session").json().getString("code"))
                .isEqualTo("unauthenticated");
    }

    @Test
    @DisplayName("wrong or unknown credentials answer 401 bad_credentials; a disabled person cannot sign in")
    void badCredentials() throws Exception {
        start(Map.of());
        String password = controller.createUser("binh", Role.VIEWER, null);
        Browser browser = new Browser(controller.baseUrl());

        assertThat(browser.login("binh", password + "x").json().getString("code")).isEqualTo("bad_credentials");
        assertThat(browser.login("nobody", password).status()).isEqualTo(401);
        assertThat(browser.login("binh", null).status()).isEqualTo(400);

        long id = controller.api().get("/api/v1/users").array().getJsonObject(0).getLong("id");
        controller.api().put("/api/v1/users/" + id, new JsonObject().put("disabled", true));
        assertThat(browser.login("binh", password).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("unsafe requests on a session need the X-CSRF-Token header, bearer tokens do not")
    void csrf() throws Exception {
        start(Map.of());
        Browser browser = controller.signedIn("admin2", Role.ADMIN, null);
        JsonObject area = new JsonObject().put("name", "Xã A");

        HttpApi.Answer forged = new Browser(controller.baseUrl()).signedIn("admin2b",
                controller.createUser("admin2b", Role.ADMIN, null)).withoutCsrf().post("/api/v1/areas", area);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().getString("code")).isEqualTo("csrf");
        assertThat(browser.post("/api/v1/areas", area).status()).isEqualTo(201);
        assertThat(controller.api().post("/api/v1/areas", area).status()).isEqualTo(201);
        assertThat(controller.api().get("/api/v1/areas").array()).hasSize(2);
    }

    @Test
    @DisplayName("sign-out ends the session: the same cookie is refused afterwards")
    void signOut() throws Exception {
        start(Map.of());
        Browser browser = controller.signedIn("cuong", Role.VIEWER, null);

        HttpApi.Answer out = browser.delete("/api/v1/session");

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).contains("bantin_session=", "Max-Age=0");
        assertThat(browser.get("/api/v1/session").status()).isEqualTo(401);
        assertThat(browser.get("/api/v1/areas").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a session ends after its idle time, and after its absolute lifetime even when busy")
    void expiry() throws Exception {
        start(Map.of(ConfigLoader.SESSION_IDLE_SECONDS, "2", ConfigLoader.SESSION_ABSOLUTE_SECONDS, "4"));
        Browser idle = controller.signedIn("dung", Role.VIEWER, null);
        Browser busy = new Browser(controller.baseUrl()).signedIn("emmy", controller.createUser("emmy", Role.VIEWER, null));
        long signedInAt = System.currentTimeMillis();

        int lastOk = 0;
        Integer idleStatus = null;
        while (System.currentTimeMillis() - signedInAt < 6_000) {
            long elapsed = System.currentTimeMillis() - signedInAt;
            if (idleStatus == null && elapsed > 2_300) {
                idleStatus = idle.get("/api/v1/session").status();
            }
            if (busy.get("/api/v1/session").status() == 200) {
                lastOk = (int) (System.currentTimeMillis() - signedInAt);
            }
            Thread.sleep(300);
        }
        assertThat(idleStatus).isEqualTo(401);
        assertThat(lastOk).isBetween(2_300, 4_000);
        assertThat(busy.get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("failed sign-ins are limited per account and per address: 429 rate_limited with Retry-After")
    void rateLimits() throws Exception {
        start(Map.of(ConfigLoader.LOGIN_FAILURES_ACCOUNT, "3", ConfigLoader.LOGIN_FAILURES_ADDRESS, "6"));
        String password = controller.createUser("giang", Role.VIEWER, null);
        Browser browser = new Browser(controller.baseUrl());
        for (int i = 0; i < 3; i++) {
            assertThat(browser.login("giang", "wrong password " + i).status()).isEqualTo(401);
        }

        HttpApi.Answer limited = browser.login("giang", password);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().getString("code")).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(800L, 900L);

        for (int i = 0; i < 3; i++) {
            browser.login("someone" + i, "wrong password");
        }
        assertThat(browser.login("other", "whatever").status()).isEqualTo(429);
        HttpApi.Answer wrongToken = controller.api().withToken("bt_guessed").get("/api/v1/areas");
        assertThat(wrongToken.status()).isEqualTo(429);
        assertThat(wrongToken.header("Retry-After")).isNotNull();
    }

    @Test
    @DisplayName("wrong bearer tokens count against the address too")
    void wrongTokensLimited() throws Exception {
        start(Map.of(ConfigLoader.LOGIN_FAILURES_ADDRESS, "5"));
        HttpApi guesser = controller.api().withToken("bt_" + "A".repeat(43));
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.get("/api/v1/areas").status()).isEqualTo(401);
        }
        assertThat(guesser.get("/api/v1/areas").status()).isEqualTo(429);
    }

    @Test
    @DisplayName("a password change needs the current password, ends the person's other sessions, keeps this one")
    void passwordChange() throws Exception {
        start(Map.of());
        String old = controller.createUser("hoa", Role.EDITOR, null);
        Browser here = new Browser(controller.baseUrl()).signedIn("hoa", old);
        Browser elsewhere = new Browser(controller.baseUrl()).signedIn("hoa", old);

        assertThat(here.post("/api/v1/session/password", new JsonObject().put("currentPassword", "nope")
                .put("newPassword", "một mật khẩu mới đủ dài")).status()).isEqualTo(403);
        HttpApi.Answer weak = here.post("/api/v1/session/password", new JsonObject().put("currentPassword", old)
                .put("newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().getString("error")).contains("'newPassword'");
        assertThat(here.post("/api/v1/session/password", new JsonObject().put("currentPassword", old)
                .put("newPassword", "một mật khẩu mới đủ dài")).status()).isEqualTo(204);

        assertThat(here.get("/api/v1/session").status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/v1/session").status()).isEqualTo(401);
        assertThat(new Browser(controller.baseUrl()).login("hoa", old).status()).isEqualTo(401);
        assertThat(new Browser(controller.baseUrl()).login("hoa", "một mật khẩu mới đủ dài").status()).isEqualTo(200);
        assertThat(controller.api().post("/api/v1/session/password", new JsonObject().put("currentPassword", "x")
                .put("newPassword", "yyyyyyyyyyyy")).json().getString("code")).isEqualTo("no_password");
    }
}
