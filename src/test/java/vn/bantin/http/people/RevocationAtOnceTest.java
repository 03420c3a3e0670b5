package vn.bantin.http.people;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Browser;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials in constant use are answered from memory (sessions, API tokens); revoking one must still refuse
 * the very next request, while it is being hammered.
 */
@DisplayName("Revocation takes effect at once for credentials in constant use (remembered in memory)")
class RevocationAtOnceTest {

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;
    long commune;

    /** One request: when it started (System.nanoTime) and its status. */
    private record Call(long startedAt, int status) {
    }

    @BeforeEach
    void start() throws Exception {
        // the hammer keeps sending the revoked credential; without a high limit the address is soon answered 429
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.LOGIN_FAILURES_ADDRESS, "100000"));
        api = controller.api();
        commune = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Lát")).json().getLong("id");
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("an API token in use is refused from the first request after its revocation answers; others go on")
    void revokedTokenRefusedAtOnce() throws Exception {
        JsonObject revoked = token("Cổng tỉnh");
        JsonObject other = token("Báo cáo tự động");
        HttpApi integration = api.withToken(revoked.getString("token"));

        hammer(() -> integration.get("/api/v1/endpoints").status(), () -> {
            assertThat(api.delete("/api/v1/tokens/" + revoked.getLong("id")).json().getLong("revokedAt")).isNotNull();
            return System.nanoTime();
        });

        assertThat(api.withToken(other.getString("token")).get("/api/v1/endpoints").status()).as("another token").isEqualTo(200);
        assertThat(integration.get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("a signed-in person in use is refused from the first request after being disabled")
    void disabledPersonRefusedAtOnce() throws Exception {
        Browser editor = controller.signedIn("editor.lat", Role.EDITOR, commune);
        long editorId = editor.get("/api/v1/session").json().getJsonObject("user").getLong("id");

        hammer(() -> editor.get("/api/v1/endpoints").status(), () -> {
            assertThat(api.put("/api/v1/users/" + editorId, new JsonObject().put("disabled", true)).status())
                    .isEqualTo(200);
            return System.nanoTime();
        });
    }

    /**
     * Sends requests one after another on a thread of its own until well after {@code revoke} answered (which
     * gives the time it returned); every request before answers 200, every one started after answers 401.
     */
    private void hammer(Supplier<Integer> request, Supplier<Long> revoke) throws Exception {
        List<Call> calls = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread load = new Thread(() -> {
            while (!stop.get()) {
                long t = System.nanoTime();
                calls.add(new Call(t, request.get()));
            }
        });
        load.start();
        try {
            // warm: answered from memory by now (the cache keeps what it read for up to a minute)
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(calls).hasSizeGreaterThan(30));
            long revokedAt = revoke.get();
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(calls.stream()
                    .filter(c -> c.startedAt() > revokedAt).count()).isGreaterThan(20));
            stop.set(true);
            load.join(10_000);
            assertThat(calls.stream().filter(c -> c.startedAt() > revokedAt).map(Call::status).distinct())
                    .as("every request started after the revocation answered").containsExactly(401);
            assertThat(calls.stream().filter(c -> c.startedAt() < revokedAt).map(Call::status))
                    .as("before it").contains(200);
        } finally {
            stop.set(true);
            load.join(10_000);
        }
    }

    /** A new VIEWER token for the commune: its id and its plain value. */
    private JsonObject token(String name) {
        return api.post("/api/v1/tokens", new JsonObject().put("name", name).put("role", "VIEWER")
                .put("areaId", commune)).json();
    }
}
