package vn.bantin.support;

import io.vertx.core.json.JsonObject;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.RequestSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A device key that enrolls and signs agent calls the way the agent does, without being the agent. */
public final class SimulatedDevice {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ed25519Keys.KeyPair key = Ed25519Keys.generate();
    private final HttpClient http;
    private final String baseUrl;
    private final List<String> pushViolations = new CopyOnWriteArrayList<>();

    public SimulatedDevice(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    public String deviceId() {
        return key.deviceId();
    }

    /** Enrolls with a one-time code; returns the enroll answer. */
    public JsonObject enroll(String kind, String code) throws IOException, InterruptedException {
        byte[] body = new JsonObject().put("publicKey", key.publicKeyBase64()).put("kind", kind)
                .put("name", "sim-" + deviceId().substring(0, 8)).put("hardware", new JsonObject())
                .put("enrollmentCode", code).encode().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/agent/v1/enroll"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed("POST", "/agent/v1/enroll", body).forEach(b::header);
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("enroll: " + res.statusCode() + " " + res.body());
        }
        return new JsonObject(res.body());
    }

    /** Push messages received that break the contract's push-message schema, each with what it breaks. */
    public List<String> pushViolations() {
        return pushViolations;
    }

    /** Opens the push stream with a signed upgrade request; each text message goes to {@code onMessage}. */
    public CompletableFuture<WebSocket> stream(Consumer<String> onMessage) {
        return TestStream.open(http, baseUrl, signed("GET", "/agent/v1/stream", new byte[0]), text -> {
            ContractSchemas.violations("push-message.schema.json", text).forEach(v -> pushViolations.add(text + ": " + v));
            onMessage.accept(text);
        });
    }

    public java.util.Map<String, String> signed(String method, String path, byte[] body) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return RequestSignature.sign(key, method, path, body, System.currentTimeMillis(), HexFormat.of().formatHex(nonce));
    }
}
