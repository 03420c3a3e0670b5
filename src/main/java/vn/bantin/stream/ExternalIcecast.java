package vn.bantin.stream;

import vn.bantin.config.LiveConfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;

/**
 * An Icecast2 the system runs (the packaged systemd unit): its source credentials are read from a file only the
 * controller's user can read ({@code source.user}, default "source"; {@code source.password}), when a session
 * starts, so a changed password needs no restart.
 */
public final class ExternalIcecast implements LiveStreamServer {

    private final LiveConfig config;

    public ExternalIcecast(LiveConfig config) {
        this.config = config;
    }

    @Override
    public IcecastSource.Target source(String mount) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(config.credentialsFile(), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String password = p.getProperty("source.password", "").trim();
        if (password.isEmpty()) {
            throw new IOException(config.credentialsFile() + " has no source.password");
        }
        return new IcecastSource.Target(config.host(), config.port(), mount,
                p.getProperty("source.user", "source").trim(), password);
    }

    @Override
    public String listenUrl(String mount) {
        return config.listenUrl(config.port(), mount);
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
