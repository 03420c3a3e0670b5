package vn.bantin.packaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.stream.IcecastSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The agent's and the controller's .deb as Maven built them (ops/test.sh builds the agent first, the controller's
 * package phase runs before the integration tests), each installed with the real dpkg into a scratch root (its
 * maintainer scripts run against that root), its unit checked by systemd-analyze, then removed.
 */
@DisplayName("The Debian packages install into a scratch root with their user, config and a valid hardened unit")
class DebianPackagesIT {

    @TempDir
    Path root;

    @Test
    @DisplayName("bantin-agent: Java 17 and mpv declared, user bantin-agent in audio and video, UMask=0077")
    void agent() throws Exception {
        String unit = install(Path.of("players/agent/target/bantin-agent.deb"), "bantin-agent", "mpv",
                "bantin-agent", "/var/lib/bantin-agent", "etc/bantin/agent.properties",
                "usr/share/bantin-agent/bantin-agent.jar", "bantin-agent.service");
        assertThat(Files.readString(root.resolve("usr/share/bantin-agent/jvm.options"))).contains("-Xmx48m");
        String group = Files.readString(root.resolve("etc/group"));
        assertThat(group).containsPattern("(?m)^audio:x:29:bantin-agent$").containsPattern("(?m)^video:x:44:bantin-agent$");
        assertThat(Files.readString(root.resolve("etc/bantin/agent.properties")))
                .contains("controller.key.fingerprint=", "enrollment.code=");
        assertThat(unit).contains("ExecStart=/usr/bin/java @/usr/share/bantin-agent/jvm.options -jar"
                + " /usr/share/bantin-agent/bantin-agent.jar --config /etc/bantin/agent.properties");
        remove("bantin-agent", "usr/share/bantin-agent/bantin-agent.jar", "etc/bantin/agent.properties");
    }

    @Test
    @DisplayName("bantin-controller: Java 17, ffmpeg and espeak-ng declared, user bantin, data in /var/lib/bantin;"
            + " its Icecast2 service valid, its generated config run by a real icecast2")
    void controller() throws Exception {
        String unit = install(Path.of("target/bantin-controller.deb"), "bantin-controller", "ffmpeg", "bantin",
                "/var/lib/bantin", "etc/bantin/bantin.properties", "usr/share/bantin-controller/bantin-controller.jar",
                "bantin-controller.service");
        assertThat(run("dpkg-deb", "--field", "target/bantin-controller.deb", "Depends").out())
                .as("ingest verifies signatures with libsodium").contains("libsodium23");
        try (var libs = Files.list(root.resolve("usr/share/bantin-controller/lib"))) {
            assertThat(libs.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("vertx-core"))
                    .anyMatch(n -> n.startsWith("hsqldb"));
        }
        assertThat(unit).contains("Environment=BANTIN_CONFIG=/etc/bantin/bantin.properties",
                "Environment=BANTIN_DATA_DIR=/var/lib/bantin", "StateDirectory=bantin");
        icecastService();
        remove("bantin-controller", "usr/share/bantin-controller/bantin-controller.jar", "etc/bantin/bantin.properties");
        assertThat(root.resolve("lib/systemd/system/bantin-icecast.service")).doesNotExist();
    }

    /**
     * The Icecast2 service the controller package ships (recommending icecast2): a valid hardened unit, and a config
     * writer whose generated icecast.xml a real icecast2 runs, taking a source only with the generated password.
     */
    private void icecastService() throws Exception {
        assertThat(run("dpkg-deb", "--field", "target/bantin-controller.deb", "Recommends").out()).contains("icecast2");
        Path unit = root.resolve("lib/systemd/system/bantin-icecast.service");
        Path writer = root.resolve("usr/share/bantin-controller/icecast-config");
        assertThat(unit).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(writer))).isEqualTo("rwxr-xr-x");
        // verified inside the scratch root (where its ExecStartPre lives), with what systemd and icecast2 bring
        Path units = root.resolve("lib/systemd/system");
        try (var targets = Files.newDirectoryStream(Path.of("/usr/lib/systemd/system"), "*.target")) {
            for (Path t : targets) {
                Files.copy(t, units.resolve(t.getFileName()));
            }
        }
        Files.copy(Path.of("/usr/bin/icecast2"), Files.createDirectories(root.resolve("usr/bin")).resolve("icecast2"));
        Result verify = run("systemd-analyze", "verify", "--root=" + root, "bantin-icecast.service");
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).as("no warnings").isBlank();
        List<String> lines = Files.readAllLines(unit);
        assertThat(lines).contains("ExecStartPre=+/usr/share/bantin-controller/icecast-config /etc/bantin",
                "ExecStart=/usr/bin/icecast2 -c /etc/bantin/icecast.xml", "UMask=0077", "NoNewPrivileges=true",
                "ProtectSystem=strict", "ReadWritePaths=/etc/bantin");
        assertThat(uncommentedDirectives(lines)).as("every directive explained by a comment above it").isEmpty();

        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path etc = root.resolve("etc/bantin");
        Result written = runWith(Map.of("ICECAST_PORT", String.valueOf(port), "ICECAST_BIND", "127.0.0.1"),
                writer.toString(), etc.toString());
        assertThat(written.code()).as(written.out()).isZero();
        Path xml = etc.resolve("icecast.xml");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(xml))).isEqualTo("rw-------");
        Properties source = new Properties();
        try (var in = Files.newBufferedReader(etc.resolve("icecast-source.properties"))) {
            source.load(in);
        }
        String password = source.getProperty("source.password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Files.readString(xml)).contains("<source-password>" + password + "</source-password>");
        String before = Files.readString(xml);
        assertThat(runWith(Map.of(), writer.toString(), etc.toString()).code()).isZero();
        assertThat(Files.readString(xml)).as("a later start keeps the passwords").isEqualTo(before);

        Process icecast = new ProcessBuilder("icecast2", "-c", xml.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            IcecastSource.Target right = new IcecastSource.Target("127.0.0.1", port, "/thu.ogg", "source", password);
            IcecastSource.Target wrong = new IcecastSource.Target("127.0.0.1", port, "/thu.ogg", "source", "sai");
            long deadline = System.currentTimeMillis() + 15_000;
            while (true) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException e) {
                    assertThat(icecast.isAlive()).as("icecast2 runs the generated config").isTrue();
                    assertThat(System.currentTimeMillis()).as("icecast2 listening").isLessThan(deadline);
                    Thread.sleep(100);
                }
            }
            assertThatThrownBy(() -> IcecastSource.open(wrong, "thu").close()).hasMessageContaining("refused");
            try (var out = IcecastSource.open(right, "thu")) {
                assertThat(out).isNotNull();
            }
        } finally {
            icecast.destroy();
            icecast.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Installs the package into the scratch root, checks what every package must hold; answers its unit's text. */
    private String install(Path deb, String name, String dependency, String user, String home, String config,
                           String jar, String unitName) throws Exception {
        assertThat(deb).as("built by Maven's package phase").exists();
        assertThat(run("dpkg-deb", "--field", deb.toString(), "Package", "Architecture").out())
                .contains("Package: " + name, "Architecture: all");
        assertThat(run("dpkg-deb", "--field", deb.toString(), "Depends").out())
                .contains("java17-runtime-headless", dependency);

        scratchRoot();
        Result install = run("dpkg", "--root=" + root, "--force-depends", "--force-script-chrootless",
                "--log=/dev/null", "-i", deb.toString());
        assertThat(install.code()).as(install.out()).isZero();

        assertThat(root.resolve(jar)).isRegularFile();
        assertThat(Files.readString(root.resolve("etc/passwd")))
                .containsPattern("(?m)^" + user + ":x:\\d+:\\d+:[^:]*:" + home + ":/usr/sbin/nologin$");
        Path conf = root.resolve(config);
        assertThat(PosixFilePermissions.toString(Files.readAttributes(conf, PosixFileAttributes.class).permissions()))
                .isEqualTo("rw-r-----");
        assertThat(Files.readString(root.resolve("etc/group")))
                .containsPattern("(?m)^" + user + ":x:" + Files.getAttribute(conf, "unix:gid") + ":");
        assertThat(Files.readString(root.resolve("var/lib/dpkg/info/" + name + ".conffiles"))).contains("/" + config);

        Path unit = root.resolve("lib/systemd/system/" + unitName);
        Result verify = run("systemd-analyze", "verify", unit.toString());
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).as("no warnings").isBlank();
        List<String> lines = Files.readAllLines(unit);
        assertThat(lines).contains("UMask=0077", "User=" + user, "NoNewPrivileges=true", "ProtectSystem=strict",
                "StateDirectoryMode=0700");
        assertThat(uncommentedDirectives(lines)).as("every directive explained by a comment above it").isEmpty();
        return String.join("\n", lines);
    }

    private void remove(String name, String jar, String config) throws Exception {
        Result remove = run("dpkg", "--root=" + root, "--force-script-chrootless", "--log=/dev/null", "-r", name);
        assertThat(remove.code()).as(remove.out()).isZero();
        assertThat(root.resolve(jar)).doesNotExist();
        assertThat(root.resolve(config)).as("a conffile stays until purge").exists();
    }

    /** A root holding just what dpkg and useradd need: an empty package database and the base accounts. */
    private void scratchRoot() throws IOException {
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.createFile(root.resolve("var/lib/dpkg/status"));
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\naudio:x:29:\nvideo:x:44:\n");
        Files.writeString(etc.resolve("shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(etc.resolve("gshadow"), "root:*::\naudio:*::\nvideo:*::\n");
    }

    /** Directives of [Service] with neither a comment nor another directive of the same comment's group above. */
    private static List<String> uncommentedDirectives(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean service = false;
        String previous = "";
        for (String line : lines) {
            if (line.startsWith("[")) {
                service = line.equals("[Service]");
            } else if (service && line.contains("=") && !line.startsWith("#")
                    && (previous.isBlank() || previous.startsWith("["))) {
                out.add(line);
            }
            previous = line;
        }
        return out;
    }

    private record Result(int code, String out) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        return runWith(Map.of(), command);
    }

    private static Result runWith(Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
