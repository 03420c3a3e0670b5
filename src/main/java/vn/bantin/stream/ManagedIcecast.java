package vn.bantin.stream;

import vn.bantin.config.LiveConfig;
import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.stream.icecast.IcecastSettings;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The controller's own Icecast2 ({@link IcecastServer}: generated passwords kept in its directory), started on
 * the first live session — most days have none — and stopped with the controller; started again if it died.
 */
public final class ManagedIcecast implements LiveStreamServer {

    /** A commune's loudspeakers plus monitors; Icecast refuses listeners past it. */
    private static final int MAX_LISTENERS = 2000;
    private static final int MAX_SOURCES = 50;

    private final LiveConfig config;
    private final Path dir;
    private IcecastServer server;

    public ManagedIcecast(LiveConfig config, Path dir) {
        this.config = config;
        this.dir = dir;
    }

    @Override
    public synchronized IcecastSource.Target source(String mount) throws IOException {
        if (server == null || !server.alive()) {
            close();
            server = IcecastServer.start(new IcecastSettings(dir, config.binary(), config.host(), config.port(),
                    config.host(), MAX_LISTENERS, MAX_SOURCES));
        }
        return new IcecastSource.Target(config.host(), server.port(), mount, "source",
                server.credentials().sourcePassword());
    }

    @Override
    public synchronized String listenUrl(String mount) {
        return config.listenUrl(server == null ? config.port() : server.port(), mount);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
