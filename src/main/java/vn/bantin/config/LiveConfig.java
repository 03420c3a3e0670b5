package vn.bantin.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The streaming server live sessions go through, and how long a session may stay on air. Every key is documented
 * in ops/bantin.sample.properties.
 *
 * @param managed         true: the controller starts its own Icecast2 ({@code binary}) with generated passwords;
 *                        false: an Icecast2 run by the system (the packaged systemd unit), its source password read
 *                        from {@code credentialsFile}
 * @param host            where the controller reaches Icecast (and where a managed one listens)
 * @param port            Icecast's port; 0 with a managed server: any free one (tests)
 * @param publicUrl       the base URL agents play mounts from (e.g. http://10.0.0.2:8000); null: http://host:port
 * @param credentialsFile an external server's credentials (properties: source.user, source.password); null when
 *                        managed
 * @param maxOnAir        how long a session still on air is planned into timelines ahead; ending it cuts that
 */
public record LiveConfig(boolean managed, String binary, String host, int port, String publicUrl,
                         Path credentialsFile, Duration maxOnAir) {

    public LiveConfig {
        if (!managed && credentialsFile == null) {
            throw new IllegalArgumentException("icecast.mode=external needs icecast.credentials.file");
        }
        if (port < 0 || port > 65535 || !managed && port == 0) {
            throw new IllegalArgumentException("icecast.port must be 1-65535 (0 only with a managed server), got "
                    + port);
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^/?#@]+/?")) {
            throw new IllegalArgumentException("icecast.public.url must be http(s)://host[:port], got " + publicUrl);
        }
        if (maxOnAir.isNegative() || maxOnAir.isZero()) {
            throw new IllegalArgumentException("live.max.minutes must be positive");
        }
    }

    /** The listener URL of a mount as agents play it. */
    public String listenUrl(int actualPort, String mount) {
        String base = publicUrl != null ? publicUrl.replaceAll("/$", "") : "http://" + hostForUrl() + ":" + actualPort;
        return URI.create(base + mount).toString();
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
