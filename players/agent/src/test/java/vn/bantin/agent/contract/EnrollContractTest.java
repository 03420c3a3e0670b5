package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.RequestSigner;
import vn.bantin.agent.sync.ControllerClient;
import vn.bantin.agent.sync.ControllerTrust;
import vn.bantin.agent.sync.Enrollment;

/**
 * The agent's side of enrollment trust against enroll-response.json: it pins the controller key only when the
 * installer's fingerprint or pre-installed key names it and the answer is signed by it for the request's nonce.
 */
class EnrollContractTest {

    @TempDir
    Path state;
    private HttpServer server;
    private DeviceKeys keys;
    private volatile Function<HttpExchange, byte[]> answer;

    @BeforeEach
    void start() throws Exception {
        keys = Contract.deviceKeys(state);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/agent/v1/enroll", this::handle);
        server.start();
        answer = ex -> Contract.signedForNonce(ex, "enroll-response.json");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theExampleAnswerVerifiesAndTheFingerprintIsTheControllerKeys() {
        byte[] example = Contract.bytes("enroll-response.json");
        assertThat(Ed25519.verify(Contract.controllerPublicKey(), example, Contract.text("enroll-response.json.sig")))
                .isTrue();
        assertThat(ControllerTrust.fingerprint(Contract.controllerPublicKey())).isEqualTo(Contract.controllerFingerprint());
        assertThat(Contract.violations("enroll-response.schema.json", Contract.json("enroll-response.json"))).isEmpty();
    }

    @Test
    void withTheInstallersFingerprintTheKeyIsPinned() throws Exception {
        String grouped = Contract.controllerFingerprint().toUpperCase().replaceAll("(.{4})(?=.)", "$1 ");
        Enrollment enrollment = enrollment(ControllerTrust.of(null, grouped));

        assertThat(attempt(enrollment)).isTrue();
        assertThat(enrollment.pinnedKey()).isEqualTo(Contract.controllerPublicKey());
        assertThat(state.resolve("enrollment.json")).exists();
    }

    @Test
    void aPreinstalledKeyWorksAndVerifiesRefusalsBeforeEnrollment() throws Exception {
        String key = Base64.getEncoder().encodeToString(Contract.controllerPublicKey());
        Enrollment enrollment = enrollment(ControllerTrust.of(key, null));
        assertThat(enrollment.trustedKey()).isEqualTo(Contract.controllerPublicKey());

        assertThat(attempt(enrollment)).isTrue();
        assertThat(enrollment.pinnedKey()).isEqualTo(Contract.controllerPublicKey());
    }

    @Test
    void withoutFingerprintOrKeyNothingIsTrustedOnFirstUse() throws Exception {
        assertRefused(enrollment(ControllerTrust.of("", "")));
    }

    @Test
    void anotherControllersFingerprintIsRefused() throws Exception {
        assertRefused(enrollment(ControllerTrust.of(null, "00".repeat(16))));
        byte[] other = Ed25519.rawPublicKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        assertRefused(enrollment(ControllerTrust.of(Base64.getEncoder().encodeToString(other), null)));
    }

    @Test
    void anAnswerSignedForAnotherNonceOrNotSignedIsRefused() throws Exception {
        ControllerTrust trust = ControllerTrust.of(null, Contract.controllerFingerprint());
        answer = ex -> {
            ex.getResponseHeaders().add("X-Bantin-Signature", Contract.text("enroll-response.json.sig"));
            return Contract.bytes("enroll-response.json");
        };
        assertRefused(enrollment(trust));
        answer = ex -> {
            byte[] signed = Contract.signedForNonce(ex, "enroll-response.json");
            ex.getResponseHeaders().set("X-Bantin-Signature", Contract.signAsController("other".getBytes()));
            return signed;
        };
        assertRefused(enrollment(trust));
    }

    @Test
    void malformedTrustSettingsStopTheAgentAtStart() {
        assertThatThrownBy(() -> ControllerTrust.of(null, "12ab")).hasMessageContaining("controller.key.fingerprint");
        assertThatThrownBy(() -> ControllerTrust.of("bm90IGEga2V5", null)).hasMessageContaining("controller.key");
    }

    private void assertRefused(Enrollment enrollment) throws Exception {
        assertThat(attempt(enrollment)).isFalse();
        assertThat(enrollment.pinnedKey()).isNull();
        assertThat(enrollment.status()).isEqualTo("NEW");
        assertThat(Files.exists(state.resolve("enrollment.json"))).isFalse();
    }

    private Enrollment enrollment(ControllerTrust trust) throws IOException {
        return new Enrollment(state, keys, "SPEAKER", "loa-thon-1", "7KQ2-9XPM-4TDA", trust);
    }

    private boolean attempt(Enrollment enrollment) throws Exception {
        try (ControllerClient client = new ControllerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                new RequestSigner(keys), new AgentClock(state), enrollment::trustedKey, ControllerClient.Link.NONE)) {
            return enrollment.attempt(client);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] body = answer.apply(ex);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
