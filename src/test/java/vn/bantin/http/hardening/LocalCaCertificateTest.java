package vn.bantin.http.hardening;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.ApiSpec;
import vn.bantin.support.DefaultTrust;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Pem;
import vn.bantin.support.TestCertificates;
import vn.bantin.support.TestController;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("GET /api/v1/tls/ca.crt: installers fetch the local CA's certificate and check it by the code's fingerprint")
class LocalCaCertificateTest {

    private static final String PATH = "/api/v1/tls/ca.crt";

    @TempDir
    static Path dir;
    @RegisterExtension
    static final DefaultTrust trust = new DefaultTrust();

    @Test
    @DisplayName("unauthenticated over HTTPS: the PEM whose SHA-256 is the code's fingerprint and that validates the server")
    void installerFetchesAndChecksTheCa() throws Exception {
        try (TestController controller = TestController.start(Map.of(ConfigLoader.DATA_DIR,
                dir.resolve("local-ca").toString(), ConfigLoader.TLS_MODE, "local-ca"))) {
            // the installer does not trust the server yet (curl -k): the fingerprint is what makes the answer trusted
            HttpResponse<String> fetched = get(uncheckedTls(), controller.baseUrl() + PATH);
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.headers().firstValue("Content-Type")).hasValue("application/x-pem-file");
            assertThat(fetched.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(fetched.body()).startsWith("-----BEGIN CERTIFICATE-----\n")
                    .endsWith("-----END CERTIFICATE-----\n").doesNotContain("PRIVATE KEY");
            assertThat(fetched.body().split("-----BEGIN").length).as("one certificate, not the chain").isEqualTo(2);
            check(fetched);
            X509Certificate served = Pem.certificate(fetched.body().getBytes(StandardCharsets.US_ASCII));
            assertThat(served.getEncoded()).isEqualTo(Pem.certificate(dir.resolve("local-ca/tls/ca.crt")).getEncoded());
            assertThat(served.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);

            Path pinned = dir.resolve("installer-ca.crt");
            Files.writeString(pinned, fetched.body(), StandardCharsets.US_ASCII);
            trust.only(pinned);
            HttpApi api = controller.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")).json().getLong("id");
            JsonObject code = api.post("/api/v1/areas/" + area + "/enrollment-codes", "{}").json();
            assertThat(code.getString("controllerCaFingerprint")).as("what the installer compares")
                    .isEqualTo(Pem.fingerprint(served));
            assertThat(api.withoutToken().get(PATH).status()).as("trusted client, no credentials").isEqualTo(200);
        }
    }

    @Test
    @DisplayName("with a configured certificate (not our CA) the answer is a clear 404, not a certificate")
    void noLocalCaNoCertificate() throws Exception {
        TestCertificates province = TestCertificates.make(dir.resolve("pki"), "Province CA");
        try (TestController controller = TestController.start(Map.of(ConfigLoader.DATA_DIR,
                dir.resolve("configured").toString(), ConfigLoader.TLS_CERT_FILE, province.serverCert().toString(),
                ConfigLoader.TLS_KEY_FILE, province.serverKey().toString()))) {
            HttpResponse<String> answer = get(TestCertificates.trusting(province.caCert()), controller.baseUrl() + PATH);
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(new JsonObject(answer.body()).getString("code")).isEqualTo("no_local_ca");
            assertThat(new JsonObject(answer.body()).getString("error")).contains("tls.mode=local-ca");
            check(answer);
        }
    }

    private static HttpResponse<String> get(SSLContext tls, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void check(HttpResponse<String> answer) {
        ApiSpec.check("GET", PATH, answer.statusCode(), answer.headers().map(),
                answer.body().getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code curl -k} does: any certificate is accepted, so only the fingerprint check can be trusted. */
    private static SSLContext uncheckedTls() throws Exception {
        TrustManager anything = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {anything}, null);
        return context;
    }
}
