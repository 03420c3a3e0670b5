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
 * @param localCaDir        {@code tls.mode=local-ca}: where the controller keeps the CA it made and the server
 *                          certificate it signed (tlsCert/tlsKey point there), else null
 * @param localCaNames      the host names and addresses that server certificate names
 */
public record TrustConfig(int pendingMax, int enrollPerMinute, int newPerHour, Path tlsCert, Path tlsKey,
                          boolean plainHttp, Path localCaDir, java.util.List<String> localCaNames) {

    public TrustConfig(int pendingMax, int enrollPerMinute, int newPerHour, Path tlsCert, Path tlsKey,
                       boolean plainHttp) {
        this(pendingMax, enrollPerMinute, newPerHour, tlsCert, tlsKey, plainHttp, null, java.util.List.of());
    }

    /** The local CA's certificate (PEM) installers give agents to pin, or null when the CA is not ours. */
    public Path localCaCert() {
        return localCaDir == null ? null : localCaDir.resolve("ca.crt");
    }

    public boolean tls() {
        return tlsCert != null;
    }
}
