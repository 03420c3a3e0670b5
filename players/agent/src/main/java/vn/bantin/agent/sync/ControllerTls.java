package vn.bantin.agent.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the agent reaches its controller: HTTPS verified against a pinned CA ({@code controller.ca.file}) or the
 * system trust store; plain HTTP only when the config says so explicitly, and then loudly.
 */
public final class ControllerTls {

    private static final Logger LOG = Logger.getLogger(ControllerTls.class.getName());

    /** The heartbeat fault of an agent talking plain HTTP to a controller off its own machine. */
    public static final String INSECURE_TRANSPORT = "insecure_transport";

    private ControllerTls() {
    }

    /**
     * Raises {@value #INSECURE_TRANSPORT} (held for as long as the agent runs) when the controller is reached over
     * plain HTTP at an address that is not loopback: signed requests and answers stay unforgeable, but anyone on
     * the network can read them, and the people running the province should see that on the endpoint, not only
     * in a log nobody reads.
     */
    public static boolean reportInsecure(URI controller, vn.bantin.agent.status.Faults faults) {
        String scheme = controller.getScheme() == null ? "" : controller.getScheme().toLowerCase();
        if (!scheme.equals("http") || loopback(controller.getHost())) {
            return false;
        }
        faults.raise(INSECURE_TRANSPORT, "plain HTTP to the controller at " + controller.getHost()
                + " (controller.plain.http=true): traffic is readable on the network; use https://");
        return true;
    }

    static boolean loopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Sets up the process's TLS trust for the controller URL. Every HTTPS client the agent makes (calls, media,
     * push stream) uses the JVM default context, which a pinned CA replaces: then only that CA is trusted.
     */
    public static void configure(URI controller, Path caFile, boolean plainAllowed) throws IOException,
            GeneralSecurityException {
        configure(controller, caFile, "", plainAllowed);
    }

    /**
     * The same; {@code caFingerprint} (SHA-256 hex of a CA certificate, as the installer text gives it for a
     * controller with its own CA) pins that CA: the controller must present it in its chain, and the chain is
     * then checked by the standard PKIX rules with that CA as the only anchor, host name included.
     */
    public static void configure(URI controller, Path caFile, String caFingerprint, boolean plainAllowed)
            throws IOException, GeneralSecurityException {
        String scheme = controller.getScheme() == null ? "" : controller.getScheme().toLowerCase();
        if (scheme.equals("http")) {
            if (!plainAllowed) {
                throw new IllegalArgumentException("controller.url " + controller + " is plain HTTP: use https://, or"
                        + " set controller.plain.http=true for a lab (requests stay signed but are readable)");
            }
            LOG.warning("!!! PLAIN HTTP to the controller (" + controller + "), allowed by controller.plain.http=true:"
                    + " anyone on the network can read what this agent sends and receives. Use https:// outside a lab. !!!");
            return;
        }
        if (!scheme.equals("https")) {
            throw new IllegalArgumentException("controller.url must start with https:// (or http:// for a lab), got "
                    + controller);
        }
        if (caFile != null && caFingerprint != null && !caFingerprint.isBlank()) {
            throw new IllegalArgumentException("set controller.ca.file or controller.ca.fingerprint, not both");
        }
        if (caFingerprint != null && !caFingerprint.isBlank()) {
            SSLContext.setDefault(FingerprintPinnedCa.context(caFingerprint));
            LOG.info("controller certificate checked against the CA with fingerprint " + caFingerprint.trim());
        } else if (caFile != null) {
            SSLContext.setDefault(pinned(caFile));
            LOG.info("controller certificate checked against the pinned CA " + caFile);
        } else {
            LOG.info("controller certificate checked against the system trust store");
        }
    }

    /** A context trusting only the certificates in this PEM file. */
    static SSLContext pinned(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("controller.ca.file " + caFile + " holds no PEM certificate");
        }
        int i = 0;
        for (Certificate c : certificates) {
            store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
