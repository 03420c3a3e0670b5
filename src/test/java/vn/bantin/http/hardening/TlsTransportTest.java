package vn.bantin.http.hardening;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.TrustConfig;
import vn.bantin.http.Transport;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.DefaultTrust;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestCertificates;
import vn.bantin.support.TestController;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("TLS: the controller serves HTTPS with its certificate; agents verify it against a pinned CA")
class TlsTransportTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    static final DefaultTrust trust = new DefaultTrust();
    private static TestCertificates certificates;
    private static TestCertificates stranger;

    @BeforeAll
    static void certificates() throws Exception {
        certificates = TestCertificates.make(dir.resolve("pki"), "Bantin test CA");
        stranger = TestCertificates.make(dir.resolve("other-pki"), "Some other CA");
        // the tests' HTTP clients (HttpApi) trust the test CA only, as a pinned agent does
        trust.only(certificates.caCert());
    }

    private static TestController tlsController(String name) throws Exception {
        return TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve(name).toString(),
                ConfigLoader.TLS_CERT_FILE, certificates.serverCert().toString(),
                ConfigLoader.TLS_KEY_FILE, certificates.serverKey().toString()));
    }

    @Test
    @DisplayName("HTTPS with HSTS; plain HTTP on the same port and a client trusting another CA get nothing")
    void servesHttps() throws Exception {
        try (TestController controller = tlsController("https")) {
            assertThat(controller.baseUrl()).startsWith("https://127.0.0.1:");
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(controller.baseUrl() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");

            HttpClient other = HttpClient.newBuilder().sslContext(TestCertificates.trusting(stranger.caCert())).build();
            assertThatThrownBy(() -> other.send(HttpRequest.newBuilder(URI.create(controller.baseUrl()
                    + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create(controller.baseUrl()
                    .replace("https:", "http:") + "/api/v1/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }

    @Test
    @DisplayName("without a certificate, plain HTTP only on loopback or when http.plain=true says so")
    void plainHttpOnlyWhenExplicit() {
        TrustConfig noCertificate = new TrustConfig(10, 10, 10, null, null, false);
        assertThatThrownBy(() -> Transport.serverOptions(noCertificate, "0.0.0.0"))
                .hasMessageContaining("tls.cert.file").hasMessageContaining("http.plain=true");
        assertThat(Transport.serverOptions(noCertificate, "127.0.0.1").isSsl()).isFalse();
        assertThat(Transport.serverOptions(new TrustConfig(10, 10, 10, null, null, true), "0.0.0.0").isSsl()).isFalse();
        assertThatThrownBy(() -> Transport.serverOptions(new TrustConfig(10, 10, 10, dir.resolve("missing.crt"),
                dir.resolve("missing.key"), false), "127.0.0.1")).hasMessageContaining("missing.crt");
        assertThatThrownBy(() -> ConfigLoader.fromProperties(Map.of(ConfigLoader.TLS_CERT_FILE, "/x.crt")))
                .hasMessageContaining(ConfigLoader.TLS_KEY_FILE);
    }

    @Test
    @DisplayName("the real agent pinned to the CA enrolls over HTTPS and opens its push stream over WSS; others can't")
    void realAgentOverHttps() throws Exception {
        try (TestController controller = tlsController("agent")) {
            HttpApi api = controller.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")).json().getLong("id");
            long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa thôn 1")
                    .put("kind", "SPEAKER").put("areaId", area)).json().getLong("id");
            String code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");

            try (AgentProcess misled = AgentProcess.configure(dir.resolve("misled"), controller.baseUrl(), "SPEAKER",
                    code).with("controller.ca.file", stranger.caCert().toString()).start()) {
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(misled.log()).containsAnyOf(
                        "PKIX path", "unable to find valid certification path", "SSLHandshakeException"));
                assertThat(api.get("/api/v1/endpoints/" + endpoint).json().getString("status")).isEqualTo("UNENROLLED");
            }
            try (AgentProcess plain = AgentProcess.configure(dir.resolve("plain"), controller.baseUrl()
                    .replace("https:", "http:"), "SPEAKER", code).with("controller.plain.http", "false").start()) {
                assertThat(plain.exitCode(60)).as("an agent told plain http:// without the lab flag stops").isNotNull()
                        .isNotZero();
                assertThat(plain.log()).contains("controller.plain.http=true");
            }
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("pinned"), controller.baseUrl(), "SPEAKER",
                    code).with("controller.ca.file", certificates.caCert().toString()).start()) {
                Eventually.within(Duration.ofSeconds(60), () -> {
                    assertThat(api.get("/api/v1/endpoints/" + endpoint).json().getString("status")).isEqualTo("ACTIVE");
                    assertThat(agent.log()).contains("push stream open");
                });
                assertThat(agent.log()).contains("pinned CA").doesNotContain("PLAIN HTTP");
            }
        }
    }
}
