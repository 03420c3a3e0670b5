package vn.bantin.stream.icecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes icecast.xml for one server. Logs go to stderr (the controller reads them), so the server needs no
 * writable directory of its own; static files are off. Run as root, Icecast insists on dropping to another
 * user, so it then changes to nobody — which is why nothing it needs after start-up lives in our (private) dirs.
 */
final class IcecastConfigFile {

    private IcecastConfigFile() {
    }

    static Path write(IcecastSettings s, int port, IcecastCredentials c, boolean runningAsRoot) throws IOException {
        Files.createDirectories(s.dir());
        String security = runningAsRoot
                ? "<security><chroot>0</chroot><changeowner><user>nobody</user><group>nogroup</group></changeowner></security>"
                : "<security><chroot>0</chroot></security>";
        String xml = """
                <icecast>
                  <location>Bantin</location>
                  <admin>bantin@localhost</admin>
                  <limits>
                    <clients>%d</clients>
                    <sources>%d</sources>
                    <queue-size>524288</queue-size>
                    <client-timeout>30</client-timeout>
                    <header-timeout>15</header-timeout>
                    <source-timeout>5</source-timeout>
                    <burst-on-connect>0</burst-on-connect>
                  </limits>
                  <authentication>
                    <source-password>%s</source-password>
                    <relay-password>%s</relay-password>
                    <admin-user>%s</admin-user>
                    <admin-password>%s</admin-password>
                  </authentication>
                  <hostname>%s</hostname>
                  <listen-socket><port>%d</port><bind-address>%s</bind-address></listen-socket>
                  <fileserve>0</fileserve>
                  <paths>
                    <basedir>/usr/share/icecast2</basedir>
                    <logdir>/tmp</logdir>
                    <webroot>/usr/share/icecast2/web</webroot>
                    <adminroot>/usr/share/icecast2/admin</adminroot>
                  </paths>
                  <logging><accesslog>-</accesslog><errorlog>-</errorlog><loglevel>2</loglevel></logging>
                  %s
                </icecast>
                """.formatted(s.maxListeners() + s.maxSources(), s.maxSources(),
                xml(c.sourcePassword()), xml(c.sourcePassword()), xml(c.adminUser()), xml(c.adminPassword()),
                xml(s.hostname()), port, xml(s.bindAddress()), security);
        Path file = s.dir().resolve("icecast.xml");
        Path tmp = s.dir().resolve("icecast.xml.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, xml, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
