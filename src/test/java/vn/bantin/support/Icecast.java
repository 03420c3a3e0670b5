package vn.bantin.support;

import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.stream.icecast.IcecastSettings;

import java.io.IOException;
import java.nio.file.Path;

/** A real Icecast2 for tests: loopback, a free port, generated credentials, in the test's own directory. */
public final class Icecast {

    private Icecast() {
    }

    public static IcecastServer start(Path dir) throws IOException {
        return IcecastServer.start(IcecastSettings.loopback(dir.resolve("icecast")));
    }

    public static IcecastServer start(Path dir, int maxListeners) throws IOException {
        return IcecastServer.start(IcecastSettings.loopback(dir.resolve("icecast")).withListeners(maxListeners));
    }
}
