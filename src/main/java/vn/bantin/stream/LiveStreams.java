package vn.bantin.stream;

import vn.bantin.config.BantinConfig;

/** The streaming server the configuration names: the controller's own Icecast2, or one the system runs. */
public final class LiveStreams {

    private LiveStreams() {
    }

    public static LiveStreamServer of(BantinConfig config) {
        return config.live().managed() ? new ManagedIcecast(config.live(), config.dataDir().resolve("icecast"))
                : new ExternalIcecast(config.live());
    }
}
