package vn.bantin.support;

import io.vertx.core.Vertx;
import vn.bantin.Controller;
import vn.bantin.config.BantinConfig;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A real controller on a free loopback port, with its own HSQLDB file database under a temp dir. */
public final class TestController implements AutoCloseable {

    private final Controller controller;
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
        BantinConfig config = new BantinConfig("127.0.0.1", port, dataDir,
                "jdbc:hsqldb:file:" + dataDir.resolve("db/bantin") + ";hsqldb.tx=mvcc", "SA", "", maxUploadBytes,
                token, 7, "Asia/Ho_Chi_Minh");
        Controller c = Controller.start(Vertx.vertx(), config).toCompletionStage().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        return new TestController(c, config, token);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + controller.port();
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

    public HttpApi api() {
        return new HttpApi(baseUrl(), token);
    }

    @Override
    public void close() {
        controller.stop();
    }
}
