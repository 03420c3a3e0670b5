package vn.bantin.stream.icecast;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Icecast2 server run by us: config and credentials written under its directory, the process started,
 * ready once its admin statistics answer, stopped on close. Sources (our ffmpeg feeds) must give the generated
 * source password; listeners (agents) need none.
 */
public final class IcecastServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IcecastServer.class);
    private static final Duration READY_WITHIN = Duration.ofSeconds(15);
    private static final int START_ATTEMPTS = 3;
    private static final int KEPT_LOG_LINES = 50;
    private static final Pattern LISTENERS = Pattern.compile("<Listeners>(\\d+)</Listeners>");

    private final IcecastSettings settings;
    private final IcecastCredentials credentials;
    private final Process process;
    private final int port;
    private final Deque<String> lastLines;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private IcecastServer(IcecastSettings settings, IcecastCredentials credentials, Process process, int port,
                          Deque<String> lastLines) {
        this.settings = settings;
        this.credentials = credentials;
        this.process = process;
        this.port = port;
        this.lastLines = lastLines;
    }

    /** Starts a server with the credentials kept in {@code dir/credentials.properties} (generated the first time). */
    public static IcecastServer start(IcecastSettings settings) throws IOException {
        IcecastCredentials credentials = IcecastCredentials.loadOrCreate(settings.dir().resolve("credentials.properties"));
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = settings.port() > 0 ? settings.port() : freePort(settings.bindAddress());
            try {
                return launch(settings, credentials, port);
            } catch (IOException e) {
                last = e;
                if (settings.port() > 0) {
                    break;
                }
                log.warn("Icecast did not start on port {} (attempt {}): {}", port, attempt, e.getMessage());
            }
        }
        throw last;
    }

    private static IcecastServer launch(IcecastSettings s, IcecastCredentials c, int port) throws IOException {
        Path config = IcecastConfigFile.write(s, port, c, isRoot());
        Process process = new ProcessBuilder(List.of(s.binary(), "-c", config.toString()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        Deque<String> lines = new ArrayDeque<>();
        Thread drain = new Thread(() -> drain(process, lines), "icecast-log-" + port);
        drain.setDaemon(true);
        drain.start();
        IcecastServer server = new IcecastServer(s, c, process, port, lines);
        try {
            server.awaitReady();
        } catch (IOException e) {
            server.close();
            throw new IOException(e.getMessage() + "; Icecast said: " + String.join(" | ", server.lastLines()), e);
        }
        log.info("Icecast listening on {}:{} (pid {}, {} listeners at most)", s.bindAddress(), port, process.pid(),
                s.maxListeners());
        return server;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("icecast2 exited with status " + process.exitValue());
            }
            try {
                if (adminGet("/admin/stats").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while Icecast started", e);
            }
        }
        throw new IOException("icecast2 did not answer within " + READY_WITHIN.toSeconds() + " s");
    }

    /** The URL a listener (an agent, mpv) plays a mount from, e.g. {@code http://127.0.0.1:8000/live-7.ogg}. */
    public URI listenUrl(String mount) {
        return URI.create("http://" + settings.hostname() + ":" + port + "/" + bare(mount));
    }

    /** Where ffmpeg sends a mount's audio ({@code -f ogg icecast://source:pw@host:port/mount}); holds the secret. */
    public String sourceUrl(String mount) {
        return "icecast://source:" + credentials.sourcePassword() + "@" + settings.bindAddress() + ":" + port
                + "/" + bare(mount);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public IcecastCredentials credentials() {
        return credentials;
    }

    /** How many listeners a mount has now (0 when the mount has no source), from Icecast's admin statistics. */
    public int listeners(String mount) throws IOException {
        HttpResponse<String> answer = adminGet("/admin/listclients?mount=/" + bare(mount));
        if (answer.statusCode() != 200) {
            return 0;
        }
        Matcher m = LISTENERS.matcher(answer.body());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether a source is feeding the mount now. */
    public boolean mounted(String mount) throws IOException {
        return adminGet("/admin/listclients?mount=/" + bare(mount)).statusCode() == 200;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The last lines Icecast logged (for error messages and tests). */
    public List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    private HttpResponse<String> adminGet(String pathAndQuery) throws IOException {
        String auth = Base64.getEncoder().encodeToString(
                (credentials.adminUser() + ":" + credentials.adminPassword()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + connectHost() + ":" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(3))
                .header("Authorization", "Basic " + auth)
                .GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String connectHost() {
        String bind = settings.bindAddress();
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("Icecast on port {} stopped", port);
    }

    private static void drain(Process process, Deque<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.contains(" EROR ") || line.contains(" WARN ")) {
                    log.debug("icecast: {}", line);
                }
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > KEPT_LOG_LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static String bare(String mount) {
        return mount.startsWith("/") ? mount.substring(1) : mount;
    }

    private static int freePort(String bindAddress) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(bindAddress, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + bindAddress, e);
        }
    }

    private static boolean isRoot() {
        try {
            return ((Number) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
