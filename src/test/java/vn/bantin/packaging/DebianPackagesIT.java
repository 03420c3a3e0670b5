package vn.bantin.packaging;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

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
    @DisplayName("bantin-controller: Java 17, ffmpeg and espeak-ng declared, user bantin, data in /var/lib/bantin")
    void controller() throws Exception {
        String unit = install(Path.of("target/bantin-controller.deb"), "bantin-controller", "ffmpeg", "bantin",
                "/var/lib/bantin", "etc/bantin/bantin.properties", "usr/share/bantin-controller/bantin-controller.jar",
                "bantin-controller.service");
        try (var libs = Files.list(root.resolve("usr/share/bantin-controller/lib"))) {
            assertThat(libs.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("vertx-core"))
                    .anyMatch(n -> n.startsWith("hsqldb"));
        }
        assertThat(unit).contains("Environment=BANTIN_CONFIG=/etc/bantin/bantin.properties",
                "Environment=BANTIN_DATA_DIR=/var/lib/bantin", "StateDirectory=bantin");
        remove("bantin-controller", "usr/share/bantin-controller/bantin-controller.jar", "etc/bantin/bantin.properties");
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
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
