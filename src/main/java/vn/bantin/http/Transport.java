package vn.bantin.http;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.TrustConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the controller is reached: HTTPS with the configured PEM certificate and key; plain HTTP only on a
 * loopback address, or anywhere when {@code http.plain=true} says so explicitly — and then with a loud warning.
 */
public final class Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private Transport() {
    }

    /** The server options for this config; refuses plain HTTP off loopback unless explicitly configured. */
    public static HttpServerOptions serverOptions(TrustConfig trust, String host) {
        HttpServerOptions options = baseOptions();
        if (trust.tls()) {
            requireReadable(trust.tlsCert(), ConfigLoader.TLS_CERT_FILE);
            requireReadable(trust.tlsKey(), ConfigLoader.TLS_KEY_FILE);
            return options.setSsl(true).setUseAlpn(false).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(trust.tlsCert().toString()).setKeyPath(trust.tlsKey().toString()));
        }
        if (!trust.plainHttp() && !loopback(host)) {
            throw new IllegalStateException("Không có chứng chỉ TLS: đặt " + ConfigLoader.TLS_CERT_FILE + " và "
                    + ConfigLoader.TLS_KEY_FILE + ", hoặc " + ConfigLoader.HTTP_PLAIN + "=true cho phòng thử nghiệm / No"
                    + " TLS certificate for " + host + ": set " + ConfigLoader.TLS_CERT_FILE + " and "
                    + ConfigLoader.TLS_KEY_FILE + " (PEM), or " + ConfigLoader.HTTP_PLAIN + "=true for a lab; plain HTTP"
                    + " is served without it only on a loopback address");
        }
        LOG.warn("!!! PLAIN HTTP on {}: passwords, sessions and media cross the network unencrypted. Configure {} and"
                + " {} for HTTPS outside a lab. !!!", host, ConfigLoader.TLS_CERT_FILE, ConfigLoader.TLS_KEY_FILE);
        return options;
    }

    /**
     * HTTP/1.1 only: no h2c upgrade (half-upgraded answers confuse clients that offer it), no ALPN; compressed.
     * The security bench's baseline server uses the same options.
     */
    public static HttpServerOptions baseOptions() {
        return new HttpServerOptions().setHttp2ClearTextEnabled(false).setCompressionSupported(true);
    }

    private static void requireReadable(Path file, String key) {
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("Không đọc được " + key + " " + file + " / cannot read " + key + " " + file);
        }
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
