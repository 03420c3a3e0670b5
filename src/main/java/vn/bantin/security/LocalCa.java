package vn.bantin.security;

import vn.bantin.process.ExternalProcess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code tls.mode=local-ca}: the controller's own certificate authority, made once with openssl (EC P-256) in
 * the data directory, and a server certificate it signed for the configured names. Installers give agents the
 * CA's SHA-256 fingerprint (with the enrollment code) or its certificate, so an agent trusts this controller's
 * TLS without a public CA and without guessing on first use. The CA key never leaves the directory (0600).
 */
public final class LocalCa {

    private static final Pattern IP = Pattern.compile("^[0-9.]+$|:");
    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;

    private LocalCa(Path dir) {
        this.dir = dir;
    }

    /** The CA in {@code dir}, made on first use (CA 10 years, server certificate 825 days for {@code names}). */
    public static LocalCa ensure(Path dir, List<String> names) throws IOException {
        LocalCa ca = new LocalCa(dir);
        if (!Files.isRegularFile(ca.serverCert()) || !Files.isRegularFile(ca.serverKey())
                || !Files.isRegularFile(ca.caCert())) {
            ca.make(names);
        }
        return ca;
    }

    public Path caCert() {
        return dir.resolve("ca.crt");
    }

    /** The server certificate followed by the CA's, so an agent pinning the CA by fingerprint is shown it. */
    public Path serverCert() {
        return dir.resolve("server.crt");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** SHA-256 of the CA certificate (DER), 64 lowercase hex characters: the agent's controller.ca.fingerprint. */
    public String fingerprint() {
        return fingerprint(caCert());
    }

    public static String fingerprint(Path pemCertificate) {
        try (InputStream in = Files.newInputStream(pemCertificate)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the CA certificate " + pemCertificate + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * The CA certificate in {@code pemCertificate} as PEM, written again from its DER: only the one certificate
     * goes out, whatever else the file might hold. Installers fetch it and compare its SHA-256 with the
     * fingerprint from the enrollment code before they pin it.
     */
    public static String certificatePem(Path pemCertificate) {
        try (InputStream in = Files.newInputStream(pemCertificate)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the CA certificate " + pemCertificate + ": " + e.getMessage(),
                    e);
        }
    }

    private void make(List<String> names) throws IOException {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the local CA's server certificate needs at least one name");
        }
        SecureFiles.ensurePrivateDirectory(dir);
        Path work = Files.createTempDirectory(dir, ".making");
        try {
            Path caKey = work.resolve("ca.key");
            Path caCert = work.resolve("ca.crt");
            Path key = work.resolve("server.key");
            Path csr = work.resolve("server.csr");
            Path leaf = work.resolve("leaf.crt");
            Path ext = work.resolve("server.ext");
            Files.writeString(ext, "subjectAltName=" + String.join(",", names.stream().map(LocalCa::altName).toList())
                    + "\nextendedKeyUsage=serverAuth\nbasicConstraints=critical,CA:FALSE\n", StandardCharsets.UTF_8);
            openssl(work, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", caKey.toString(), "-out", caCert.toString(), "-days", "3650",
                    "-subj", "/O=Bantin/CN=Bantin local CA " + HexFormat.of().formatHex(randomBytes()));
            openssl(work, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/O=Bantin/CN=" + names.get(0));
            openssl(work, "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                    "-CAcreateserial", "-out", leaf.toString(), "-days", "825", "-extfile", ext.toString());
            byte[] chain = (Files.readString(leaf) + Files.readString(caCert)).getBytes(StandardCharsets.US_ASCII);
            SecureFiles.writeAtomically(dir.resolve("ca.key"), Files.readAllBytes(caKey));
            SecureFiles.writeAtomically(serverKey(), Files.readAllBytes(key));
            Files.copy(caCert, caCert(), StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.writeAtomically(serverCert(), chain);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static String altName(String name) {
        return (IP.matcher(name).find() ? "IP:" : "DNS:") + name;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    private static void openssl(Path work, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            ExternalProcess.Result r = ExternalProcess.of(command).in(work).timeout(OPENSSL_TIMEOUT).run();
            if (!r.ok()) {
                throw new IOException("openssl " + args[0] + " failed (" + r.exitCode() + "): " + r.stderr());
            }
        } catch (ExternalProcess.TimedOut e) {
            throw new IOException("openssl " + args[0] + " did not finish in " + OPENSSL_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making the local CA", e);
        }
    }
}
