package vn.bantin.config;

import java.nio.file.Path;

/**
 * How devices are let in and how the controller is reached.
 *
 * @param pendingMax        enrollment requests that may wait for approval at once
 * @param enrollPerMinute   enroll calls one address may make per minute
 * @param newPerHour        new enrollment requests one address may queue per hour
 * @param tlsCert           PEM certificate chain for HTTPS, or null
 * @param tlsKey            PEM private key (PKCS#8) for HTTPS, or null
 * @param plainHttp         serve plain HTTP without a certificate (lab/demo only; logged loudly)
 */
public record TrustConfig(int pendingMax, int enrollPerMinute, int newPerHour, Path tlsCert, Path tlsKey,
                          boolean plainHttp) {

    public boolean tls() {
        return tlsCert != null;
    }
}
