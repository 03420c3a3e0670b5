package vn.bantin.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian's postgresql package) in a temporary directory on a free loopback port,
 * for tests that check the controller's SQL on PostgreSQL too. As root the server runs as the postgres user,
 * as PostgreSQL demands.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path root;
    private final Path data;
    private final Path bin;
    private final int port;

    private PostgresServer(Path root, Path bin, int port) {
        this.root = root;
        this.data = root.resolve("data");
        this.bin = bin;
        this.port = port;
    }

    /** In its own directory under the system temp dir (readable by the postgres user), removed on close. */
    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path root = Files.createTempDirectory("bantin-pg-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresServer server = new PostgresServer(root, bin, port);
        server.run(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-A", "trust", "-U",
                "postgres", "-E", "UTF8", "--locale=C"));
        server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", server.data.toString(), "-w", "-l",
                root.resolve("server.log").toString(), "-o", "-p " + port + " -k " + root
                        + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"));
        return server;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static Path binaries() throws IOException {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) {
            throw new IllegalStateException("PostgreSQL is not installed: run ops/require-packages.sh");
        }
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + base));
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
