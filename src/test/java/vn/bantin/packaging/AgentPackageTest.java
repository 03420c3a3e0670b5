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
 * The agent's .deb as Maven built it (players/agent/target/bantin-agent.deb; ops/test.sh builds the agent first),
 * installed with the real dpkg into a scratch root (its maintainer scripts run against that root), its unit
 * checked by systemd-analyze, then removed.
 */
@DisplayName("The agent's Debian package installs into a scratch root with its user, config and a valid hardened unit")
class AgentPackageTest {

    private static final Path DEB = Path.of("players/agent/target/bantin-agent.deb");

    @TempDir
    Path root;

    @Test
    void installsChecksAndRemoves() throws Exception {
        assertThat(DEB).as("built by mvn -f players/agent/pom.xml package").exists();
        assertThat(run("dpkg-deb", "--field", DEB.toString(), "Package", "Architecture").out())
                .contains("Package: bantin-agent", "Architecture: all");
        assertThat(run("dpkg-deb", "--field", DEB.toString(), "Depends").out())
                .contains("java17-runtime-headless", "mpv");
        assertThat(run("dpkg-deb", "--ctrl-tarfile", DEB.toString()).code()).isZero();

        scratchRoot();
        Result install = run("dpkg", "--root=" + root, "--force-depends", "--force-script-chrootless",
                "--log=/dev/null", "-i", DEB.toString());
        assertThat(install.code()).as(install.out()).isZero();

        assertThat(root.resolve("usr/share/bantin-agent/bantin-agent.jar")).isRegularFile();
        assertThat(root.resolve("usr/share/bantin-agent/jvm.options")).content().contains("-Xmx48m");
        String passwd = Files.readString(root.resolve("etc/passwd"));
        assertThat(passwd).containsPattern("(?m)^bantin-agent:x:\\d+:\\d+:[^:]*:/var/lib/bantin-agent:/usr/sbin/nologin$");
        String group = Files.readString(root.resolve("etc/group"));
        assertThat(group).containsPattern("(?m)^audio:x:29:bantin-agent$").containsPattern("(?m)^video:x:44:bantin-agent$");
        Path config = root.resolve("etc/bantin/agent.properties");
        PosixFileAttributes attrs = Files.readAttributes(config, PosixFileAttributes.class);
        assertThat(PosixFilePermissions.toString(attrs.permissions())).isEqualTo("rw-r-----");
        assertThat(group).containsPattern("(?m)^bantin-agent:x:" + Files.getAttribute(config, "unix:gid") + ":");
        assertThat(Files.readString(config)).contains("controller.key.fingerprint=", "enrollment.code=");
        assertThat(Files.readString(root.resolve("var/lib/dpkg/info/bantin-agent.conffiles")))
                .contains("/etc/bantin/agent.properties");

        Path unit = root.resolve("lib/systemd/system/bantin-agent.service");
        Result verify = run("systemd-analyze", "verify", unit.toString());
        assertThat(verify.code()).as(verify.out()).isZero();
        assertThat(verify.out()).as("no warnings").isBlank();
        List<String> lines = Files.readAllLines(unit);
        assertThat(lines).contains("UMask=0077", "User=bantin-agent", "NoNewPrivileges=true", "ProtectSystem=strict",
                "ExecStart=/usr/bin/java @/usr/share/bantin-agent/jvm.options -jar /usr/share/bantin-agent/bantin-agent.jar"
                        + " --config /etc/bantin/agent.properties");
        assertThat(uncommentedDirectives(lines)).as("every directive explained by a comment above it").isEmpty();

        Result remove = run("dpkg", "--root=" + root, "--force-script-chrootless", "--log=/dev/null", "-r",
                "bantin-agent");
        assertThat(remove.code()).as(remove.out()).isZero();
        assertThat(root.resolve("usr/share/bantin-agent/bantin-agent.jar")).doesNotExist();
        assertThat(config).as("a conffile stays until purge").exists();
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
