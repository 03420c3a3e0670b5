package vn.bantin.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built controller jar ({@code mvn package}) in its own JVM on a free loopback port, with its own data
 * dir: what a deployment runs. Killing it with SIGKILL is the power-cut case for the controller.
 */
public final class ControllerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    private final Path configFile;
    private final Path log;
    private final String token;
    private Process process;
    private int port;

    private ControllerProcess(Path configFile, Path log, String token) {
        this.configFile = configFile;
        this.log = log;
        this.token = token;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("bantin.controller.jar", "target/bantin-controller.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Controller jar missing at " + jar + ": run mvn package first");
        }
        return jar;
    }

    /** A controller whose data lives in {@code dir/data}; start it with {@link #start()}, again after a kill. */
    public static ControllerProcess configure(Path dir, String adminToken) throws IOException {
        Path config = dir.resolve("bantin.properties");
        Files.writeString(config, String.join("\n",
                "http.host=127.0.0.1",
                "http.port=0",
                "icecast.port=0", // the managed Icecast takes a free port: tests never need 8000
                "data.dir=" + dir.resolve("data"),
                "admin.token=" + adminToken,
                ""), StandardCharsets.UTF_8);
        return new ControllerProcess(config, dir.resolve("controller.log"), adminToken);
    }

    /** Starts the JVM and waits until it listens (at most a minute). */
    public ControllerProcess start() throws IOException, InterruptedException {
        long logFrom = Files.exists(log) ? Files.size(log) : 0;
        process = new ProcessBuilder(List.of(javaBin(), "-jar", jar().toAbsolutePath().toString(),
                "--config", configFile.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log).substring((int) logFrom));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("controller exited with " + process.exitValue() + ":\n" + log());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("controller did not start within a minute:\n" + log());
    }

    /**
     * SIGKILL: no shutdown hook, no HSQLDB SHUTDOWN, nothing flushed on the way out. Waits for the process
     * to be gone and returns when the signal was sent (nanoTime).
     */
    public long kill() throws InterruptedException {
        process.destroyForcibly();
        long signalled = System.nanoTime();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("controller survived SIGKILL");
        }
        return signalled;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public HttpApi api() {
        return new HttpApi(baseUrl(), token);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
