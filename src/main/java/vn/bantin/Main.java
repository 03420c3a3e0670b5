package vn.bantin;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.config.BantinConfig;
import vn.bantin.config.ConfigLoader;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the controller: config, database, keys, then the HTTP verticle; fails fast on any error. With
 * {@code create-admin} as the first argument it makes the first administrator instead ({@link CreateAdminCommand}).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        BantinConfig config;
        try {
            config = ConfigLoader.load(configFile(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("Bantin: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && args[0].equals(CreateAdminCommand.NAME)) {
            System.exit(new CreateAdminCommand(config, System.out, System.err).run(List.of(args), System.console(),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))));
            return;
        }
        Vertx vertx = Vertx.vertx();
        Controller controller;
        try {
            controller = Controller.start(vertx, config).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.error("Bantin failed to start: {}", e.getMessage(), e);
            vertx.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping Bantin");
            controller.stop();
        }, "bantin-shutdown"));
    }

    private static Path configFile(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--config")) {
                return Path.of(args[i + 1]);
            }
        }
        String env = System.getenv("BANTIN_CONFIG");
        return env == null || env.isBlank() ? null : Path.of(env);
    }
}
