package vn.bantin;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.BantinConfig;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.SetupTokenFile;
import vn.bantin.support.Browser;
import vn.bantin.support.TestController;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("create-admin: the first admin from the command line on the server, the password never in argv")
class CreateAdminCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(BantinConfig config, String stdin, String... args) {
        return new CreateAdminCommand(config, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args), null, new BufferedReader(new StringReader(stdin)));
    }

    @Test
    @DisplayName("made with a password made and printed once; the setup token is then gone; a second run is refused")
    void firstAdmin() throws Exception {
        Map<String, String> keys = Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.ADMIN_TOKEN, "");
        Path setupToken;
        try (TestController c = TestController.start(keys)) {
            setupToken = new SetupTokenFile(c.config().dataDir()).path();
            assertThat(setupToken).exists();
        }
        BantinConfig config = ConfigLoader.fromProperties(keys);

        assertThat(run(config, "", "create-admin")).isEqualTo(CreateAdminCommand.USAGE);
        assertThat(run(config, "ngắn\n", "create-admin", "--username", "quantri")).isEqualTo(CreateAdminCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("10 to 200 characters");

        assertThat(run(config, "\n", "create-admin", "--username", "quantri", "--display-name", "Quản trị tỉnh"))
                .as(err.toString(StandardCharsets.UTF_8)).isEqualTo(CreateAdminCommand.OK);
        String printed = out.toString(StandardCharsets.UTF_8);
        String password = printed.substring(printed.indexOf("(shown this once): ") + 19).strip();
        assertThat(password).hasSize(16);
        assertThat(setupToken).doesNotExist();
        assertThat(run(config, "mật khẩu thứ hai đủ dài\n", "create-admin", "--username", "khac"))
                .isEqualTo(CreateAdminCommand.REFUSED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already exists");

        try (TestController c = TestController.start(keys)) {
            Browser admin = new Browser(c.baseUrl()).signedIn("quantri", password);
            JsonObject user = admin.get("/api/v1/session").json().getJsonObject("user");
            assertThat(user.getString("role")).isEqualTo("ADMIN");
            assertThat(user.getString("displayName")).isEqualTo("Quản trị tỉnh");
            assertThat(user.getValue("areaId")).isNull();
            assertThat(admin.get("/api/v1/audit?object=users/" + user.getLong("id")).json().getJsonArray("records")
                    .getJsonObject(0).getString("action")).isEqualTo("create-admin");
            assertThat(Files.exists(setupToken)).isFalse();
        }
    }
}
