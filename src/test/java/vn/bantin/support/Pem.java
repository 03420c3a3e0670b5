package vn.bantin.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** PEM certificates read and fingerprinted with the JDK alone, independently of the controller's code. */
public final class Pem {

    private Pem() {
    }

    public static X509Certificate certificate(byte[] pem) throws Exception {
        try (InputStream in = new ByteArrayInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    public static X509Certificate certificate(Path pem) throws Exception {
        return certificate(Files.readAllBytes(pem));
    }

    /** Lower-case hex SHA-256 of the certificate's DER: the CA fingerprint an enrollment code carries. */
    public static String fingerprint(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
