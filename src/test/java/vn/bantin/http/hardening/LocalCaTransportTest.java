package vn.bantin.http.hardening;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.DefaultTrust;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Pem;
import vn.bantin.support.TestCertificates;
import vn.bantin.support.TestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("tls.mode=local-ca: the controller makes its own CA, serves HTTPS with it, and agents pin it by fingerprint")
class LocalCaTransportTest {

    @TempDir
    static Path dir;
    @RegisterExtension
    static final DefaultTrust trust = new DefaultTrust();

    private static TestController start() throws Exception {
        return TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.TLS_MODE, "local-ca"));
    }

    @Test
    @DisplayName("the real agent given the code's CA fingerprint enrolls over HTTPS and WSS; a wrong CA is refused")
    void realAgentPinsTheLocalCa() throws Exception {
        Path caCert = dir.resolve("data/tls/ca.crt");
        String fingerprint;
        try (TestController controller = start()) {
            assertThat(controller.baseUrl()).startsWith("https://127.0.0.1:");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data/tls/ca.key"))))
                    .isEqualTo("rw-------");
            assertThat(openssl("x509", "-in", dir.resolve("data/tls/server.crt").toString(), "-noout", "-ext",
                    "subjectAltName")).contains("IP Address:127.0.0.1", "DNS:localhost");
            trust.only(caCert);
            HttpApi api = controller.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")).json().getLong("id");
            long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa thôn 1")
                    .put("kind", "SPEAKER").put("areaId", area)).json().getLong("id");
            JsonObject code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json();
            fingerprint = code.getString("controllerCaFingerprint");
            assertThat(fingerprint).as("the same SHA-256 openssl reads off the CA certificate")
                    .isEqualTo(openssl("x509", "-in", caCert.toString(), "-noout", "-fingerprint", "-sha256")
                            .replaceAll("(?s).*=", "").replace(":", "").trim().toLowerCase(Locale.ROOT));
            assertThat(api.post("/api/v1/areas/" + area + "/enrollment-codes", "{}").json()
                    .getString("controllerCaFingerprint")).isEqualTo(fingerprint);

            TestCertificates stranger = TestCertificates.make(dir.resolve("other-pki"), "Some other CA");
            String wrong = Pem.fingerprint(Pem.certificate(stranger.caCert()));
            try (AgentProcess misled = AgentProcess.configure(dir.resolve("misled"), controller.baseUrl(), "SPEAKER",
                    code.getString("code")).with("controller.ca.fingerprint", wrong).start()) {
                Eventually.within(Duration.ofSeconds(60), () -> assertThat(misled.log())
                        .contains("does not include the pinned CA"));
                assertThat(api.get("/api/v1/endpoints/" + endpoint).json().getString("status")).isEqualTo("UNENROLLED");
            }
            try (AgentProcess agent = AgentProcess.configure(dir.resolve("pinned"), controller.baseUrl(), "SPEAKER",
                    code.getString("code")).with("controller.ca.fingerprint", fingerprint).start()) {
                Eventually.within(Duration.ofSeconds(60), () -> {
                    assertThat(api.get("/api/v1/endpoints/" + endpoint).json().getString("status")).isEqualTo("ACTIVE");
                    assertThat(agent.log()).contains("push stream open");
                });
                assertThat(agent.log()).contains("CA with fingerprint " + fingerprint).doesNotContain("PLAIN HTTP");
            }
        }
        try (TestController again = start()) {
            HttpApi api = again.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Hải Hậu")).json().getLong("id");
            assertThat(api.post("/api/v1/areas/" + area + "/enrollment-codes", "{}").json()
                    .getString("controllerCaFingerprint")).as("a restart keeps the CA agents pinned")
                    .isEqualTo(fingerprint);
        }
    }

    private static String openssl(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
