package vn.bantin.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real agent jar in its own JVM, with real mpv (null audio/video outputs). */
public final class AgentProcess implements AutoCloseable {

    private final Path stateDir;
    private final Path configFile;
    private final Path log;
    private Process process;

    private AgentProcess(Path stateDir, Path configFile, Path log) {
        this.stateDir = stateDir;
        this.configFile = configFile;
        this.log = log;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("bantin.agent.jar", "players/agent/target/bantin-agent.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Agent jar missing at " + jar + ": build it first (ops/test.sh does)");
        }
        return jar;
    }

    public static AgentProcess configure(Path dir, String controllerUrl, String kind, String enrollmentCode)
            throws IOException {
        return configure(dir, controllerUrl, TestController.controllerKeyFingerprint(controllerUrl), kind,
                enrollmentCode, Map.of("poll.seconds", "1", "heartbeat.seconds", "1"));
    }

    /** With the controller's key fingerprint given and these config keys (intervals) added. */
    public static AgentProcess configure(Path dir, String controllerUrl, String fingerprint, String kind,
                                         String enrollmentCode, Map<String, String> more) throws IOException {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path config = dir.resolve("agent.properties");
        List<String> lines = new ArrayList<>(List.of(
                "controller.url=" + controllerUrl,
                "state.dir=" + state,
                "kind=" + kind,
                "name=e2e-" + kind.toLowerCase(),
                "enrollment.code=" + enrollmentCode,
                "controller.key.fingerprint=" + fingerprint,
                "controller.plain.http=" + controllerUrl.startsWith("http:"),
                "mpv.args=--ao=null --vo=null"));
        more.forEach((k, v) -> lines.add(k + "=" + v));
        lines.add("");
        Files.writeString(config, String.join("\n", lines), StandardCharsets.UTF_8);
        return new AgentProcess(state, config, dir.resolve("agent.log"));
    }

    /** Adds a config line before the start (a later line wins over an earlier one). */
    public AgentProcess with(String key, String value) throws IOException {
        Files.writeString(configFile, key + "=" + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return this;
    }

    /** The exit code once the process has ended by itself within the timeout, else null. */
    public Integer exitCode(long timeoutSeconds) throws InterruptedException {
        return process.waitFor(timeoutSeconds, TimeUnit.SECONDS) ? process.exitValue() : null;
    }

    /** The agent JVM's process id (mpv is its child). */
    public long pid() {
        return process.pid();
    }

    public AgentProcess start() throws IOException {
        process = new ProcessBuilder(List.of(javaBin(), "@" + jvmOptions(), "-jar", jar().toAbsolutePath().toString(), "--config", configFile.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** SIGKILL of the agent and its mpv at once: the power-cut case. */
    public void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
        children.forEach(c -> c.onExit().completeOnTimeout(c, 5, TimeUnit.SECONDS).join());
    }

    /** SIGKILL of the agent alone: its mpv is left running, as after a crash outside systemd's cgroup. */
    public void killAgentOnly() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The IPC socket of the agent's mpv (an observer may connect to it too: {@link MpvWatch}). */
    public Path mpvSocket() {
        return stateDir.resolve("mpv.sock");
    }

    public JsonObject status() throws IOException {
        Path f = stateDir.resolve("status.json");
        return Files.exists(f) ? new JsonObject(Files.readString(f)) : new JsonObject();
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                List<ProcessHandle> children = process.descendants().toList();
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                children.forEach(ProcessHandle::destroyForcibly);   // a hung agent's mpv goes with it
            }
        }
    }

    /** The same JVM options as production (players/agent/jvm.options), beside the agent jar's project. */
    private static Path jvmOptions() {
        return jar().toAbsolutePath().getParent().getParent().resolve("jvm.options");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
