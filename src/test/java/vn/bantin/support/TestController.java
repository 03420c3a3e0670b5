package vn.bantin.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import vn.bantin.access.Role;
import vn.bantin.Controller;
import vn.bantin.config.BantinConfig;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.ControllerKeyFile;
import vn.bantin.security.Ed25519Keys;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A real controller on a free loopback port, with its own HSQLDB file database under a temp dir. */
public final class TestController implements AutoCloseable {

    private final Controller controller;
    private static final Map<String, String> FINGERPRINTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final BantinConfig config;
    private final String token;

    private TestController(Controller controller, BantinConfig config, String token) {
        this.controller = controller;
        this.config = config;
        this.token = token;
    }

    public static TestController start(Path dataDir) throws Exception {
        return start(dataDir, 0, 64L * 1024 * 1024);
    }

    public static TestController start(Path dataDir, int port, long maxUploadBytes) throws Exception {
        return start(dataDir, port, maxUploadBytes, "test-" + UUID.randomUUID());
    }

    /** Restarting on the same data dir, port and token is how tests bring a controller back. */
    public static TestController start(Path dataDir, int port, long maxUploadBytes, String token) throws Exception {
        return start(Map.of(
                ConfigLoader.HTTP_PORT, String.valueOf(port),
                ConfigLoader.DATA_DIR, dataDir.toString(),
                ConfigLoader.MAX_UPLOAD_BYTES, String.valueOf(maxUploadBytes),
                ConfigLoader.ADMIN_TOKEN, token));
    }

    /**
     * A controller on loopback with the given config keys (as in the properties file) over the test
     * defaults; {@code data.dir} is required, and restarting on the same keys brings the same controller back.
     */
    public static TestController start(Map<String, String> keys) throws Exception {
        return start(keys, java.time.Clock.systemUTC());
    }

    /** The same, with the clock every service reads (e.g. an {@link OffsetClock} a test moves on by days). */
    public static TestController start(Map<String, String> keys, java.time.Clock clock) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                ConfigLoader.HTTP_HOST, "127.0.0.1",
                ConfigLoader.HTTP_PORT, "0",
                ConfigLoader.ICECAST_PORT, "0", // the managed Icecast takes a free port: tests never need 8000
                ConfigLoader.MAX_UPLOAD_BYTES, String.valueOf(64L * 1024 * 1024),
                ConfigLoader.ADMIN_TOKEN, "test-" + UUID.randomUUID()));
        all.putAll(keys);
        if (!all.containsKey(ConfigLoader.DATA_DIR)) {
            throw new IllegalArgumentException("a test controller needs data.dir");
        }
        BantinConfig config = ConfigLoader.fromProperties(all);
        String token = config.adminToken();
        Controller c = Controller.start(Vertx.vertx(), config, clock).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        TestController started = new TestController(c, config, token);
        FINGERPRINTS.put(java.net.URI.create(started.baseUrl()).getAuthority(), Ed25519Keys.fingerprint(ControllerKeyFile.loadOrCreate(config.dataDir())
                .publicKey()));
        return started;
    }

    /**
     * The key fingerprint of the test controller at this base URL, as its enrollment codes' installer text gives
     * it: {@link AgentProcess} configures real agents with it, so they check the key before pinning it.
     */
    public static String controllerKeyFingerprint(String baseUrl) {
        String fingerprint = FINGERPRINTS.get(java.net.URI.create(baseUrl).getAuthority());
        if (fingerprint == null) {
            throw new IllegalStateException("no test controller was started at " + baseUrl);
        }
        return fingerprint;
    }

    public String baseUrl() {
        return (config.trust().tls() ? "https" : "http") + "://127.0.0.1:" + controller.port();
    }

    public int port() {
        return controller.port();
    }

    public String token() {
        return token;
    }

    public BantinConfig config() {
        return config;
    }

    public java.util.List<io.vertx.ext.web.Route> routes() {
        return controller.routes();
    }

    public HttpApi api() {
        return new HttpApi(baseUrl(), token);
    }

    /** The API as the given role over the subtree of {@code areaId} (null: every area), through an API token. */
    public HttpApi as(Role role, Long areaId) {
        return api().as(role, areaId);
    }

    /** Makes a person with a generated password; returns the password (the controller shows it once). */
    public String createUser(String username, Role role, Long areaId) {
        HttpApi.Answer a = api().post("/api/v1/users", new JsonObject().put("username", username)
                .put("role", role.name()).put("areaId", areaId));
        if (a.status() != 201) {
            throw new IllegalStateException("cannot make user " + username + ": " + a.status() + " " + a.body());
        }
        return a.json().getString("password");
    }

    /** A browser signed in as a new person of the given role and area. */
    public Browser signedIn(String username, Role role, Long areaId) {
        return new Browser(baseUrl()).signedIn(username, createUser(username, role, areaId));
    }

    public Controller controller() {
        return controller;
    }

    @Override
    public void close() {
        controller.stop();
    }
}
