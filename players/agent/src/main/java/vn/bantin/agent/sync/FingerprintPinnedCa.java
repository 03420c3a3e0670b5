package vn.bantin.agent.sync;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts one CA known only by its SHA-256 fingerprint (what fits in an installer's text or QR code): the server
 * must send that CA certificate in its chain; the chain is then validated by the JDK's PKIX trust manager with
 * that certificate as the only trust anchor, with the host name checked as for any HTTPS connection.
 */
final class FingerprintPinnedCa extends X509ExtendedTrustManager {

    private final byte[] pin;

    private FingerprintPinnedCa(byte[] pin) {
        this.pin = pin;
    }

    static SSLContext context(String fingerprintHex) throws GeneralSecurityException {
        String hex = fingerprintHex.trim().toLowerCase(Locale.ROOT).replace(":", "");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("controller.ca.fingerprint must be 64 hex characters (SHA-256), got "
                    + fingerprintHex);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new FingerprintPinnedCa(HexFormat.of().parseHex(hex))}, null);
        return context;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        anchored(chain).checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        anchored(chain).checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anchored(chain).checkServerTrusted(chain, authType);
    }

    /** The JDK's trust manager anchored at the pinned CA, found in the chain the server sent. */
    private X509ExtendedTrustManager anchored(X509Certificate[] chain) throws CertificateException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (X509Certificate cert : chain) {
                if (MessageDigest.isEqual(pin, sha256.digest(cert.getEncoded())) && cert.getBasicConstraints() >= 0) {
                    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                    store.load(null, null);
                    store.setCertificateEntry("pinned-ca", cert);
                    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
                    factory.init(store);
                    for (TrustManager tm : factory.getTrustManagers()) {
                        if (tm instanceof X509ExtendedTrustManager x) {
                            return x;
                        }
                    }
                }
            }
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new CertificateException("cannot check the controller certificate: " + e.getMessage(), e);
        }
        throw new CertificateException("the controller's certificate chain does not include the pinned CA"
                + " (controller.ca.fingerprint): refusing this controller");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("no client certificates here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("no client certificates here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("no client certificates here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
