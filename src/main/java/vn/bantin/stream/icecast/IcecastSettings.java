package vn.bantin.stream.icecast;

import java.nio.file.Path;

/**
 * How to run one Icecast server: where it keeps its files (config, credentials), the address and port it
 * listens on (port 0 = a free one chosen at start), the name agents reach it by, and its limits.
 */
public record IcecastSettings(Path dir, String binary, String bindAddress, int port, String hostname,
                              int maxListeners, int maxSources) {

    public static IcecastSettings loopback(Path dir) {
        return new IcecastSettings(dir, "icecast2", "127.0.0.1", 0, "127.0.0.1", 500, 20);
    }

    public IcecastSettings withPort(int value) {
        return new IcecastSettings(dir, binary, bindAddress, value, hostname, maxListeners, maxSources);
    }

    public IcecastSettings withListeners(int value) {
        return new IcecastSettings(dir, binary, bindAddress, port, hostname, value, maxSources);
    }
}
