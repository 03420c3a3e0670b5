package vn.bantin.http.people;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.AdminCredential;
import vn.bantin.security.SetupTokenFile;
import vn.bantin.support.Browser;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The first admin comes from a one-time setup token in a private file, never a default password")
class FirstAdminTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("no admin token is generated; the setup token makes one admin once and is then gone")
    void setupToken() throws Exception {
        Path data = dir.resolve("data");
        try (TestController c = TestController.start(Map.of(ConfigLoader.DATA_DIR, data.toString(),
                ConfigLoader.ADMIN_TOKEN, ""))) {
            Path file = new SetupTokenFile(data).path();
            assertThat(Files.exists(AdminCredential.path(data))).isFalse();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String token = Files.readString(file).strip();
            HttpApi anonymous = c.api().withoutToken();
            assertThat(anonymous.get("/api/v1/areas").status()).isEqualTo(401);

            JsonObject setup = new JsonObject().put("username", "quantri").put("displayName", "Quản trị tỉnh")
                    .put("password", "mật khẩu quản trị đủ dài");
            assertThat(anonymous.post("/api/v1/setup", setup.copy().put("setupToken", token + "x")).status())
                    .isEqualTo(401);
            HttpApi.Answer made = anonymous.post("/api/v1/setup", setup.copy().put("setupToken", token));
            assertThat(made.status()).isEqualTo(201);
            assertThat(made.json().getString("role")).isEqualTo("ADMIN");
            assertThat(made.json().getValue("areaId")).isNull();
            assertThat(Files.exists(file)).isFalse();
            assertThat(anonymous.post("/api/v1/setup", setup.copy().put("setupToken", token)
                    .put("username", "second")).status()).isEqualTo(409);

            Browser admin = new Browser(c.baseUrl()).signedIn("quantri", "mật khẩu quản trị đủ dài");
            assertThat(admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh")).status()).isEqualTo(201);
        }
        try (TestController again = TestController.start(Map.of(ConfigLoader.DATA_DIR, data.toString(),
                ConfigLoader.ADMIN_TOKEN, ""))) {
            assertThat(Files.exists(new SetupTokenFile(data).path())).isFalse();
        }
    }
}
