package vn.bantin.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.RequestSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A device on the agent API: holds an Ed25519 key pair and sends requests signed as the contract says. */
public final class SignedAgent {

    /** What the controller answered, body as exact bytes. */
    public record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            return new JsonObject(text());
        }

        /** The error code of a refusal. */
        public String code() {
            return json().getString("code");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] NO_BODY = new byte[0];

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final Ed25519Keys.KeyPair key;

    public SignedAgent(String baseUrl) {
        this(baseUrl, Ed25519Keys.generate());
    }

    public SignedAgent(String baseUrl, Ed25519Keys.KeyPair key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    public Ed25519Keys.KeyPair key() {
        return key;
    }

    public String deviceId() {
        return key.deviceId();
    }

    /** The enroll body the agent sends for this key; {@code code} may be null. */
    public JsonObject enrollBody(String kind, String code) {
        return new JsonObject().put("publicKey", key.publicKeyBase64()).put("kind", kind).put("name", "loa-thon-1")
                .put("hardware", new JsonObject().put("model", "Raspberry Pi 4").put("os", "Debian 12")
                        .put("agentVersion", "0.1.0"))
                .put("enrollmentCode", code);
    }

    public Reply enroll(String kind, String code) {
        return post("/agent/v1/enroll", enrollBody(kind, code));
    }

    public Reply get(String path, String... extraHeaders) {
        Map<String, String> headers = sign("GET", path, NO_BODY, System.currentTimeMillis());
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        return send("GET", path, NO_BODY, headers);
    }

    public Reply post(String path, JsonObject body) {
        return post(path, body.encode().getBytes(StandardCharsets.UTF_8));
    }

    public Reply post(String path, byte[] body) {
        return send("POST", path, body, sign("POST", path, body, System.currentTimeMillis()));
    }

    /** Opens the push stream with a signed upgrade request; each whole text message goes to {@code onMessage}. */
    public java.net.http.WebSocket stream(java.util.function.Consumer<String> onMessage) {
        try {
            return TestStream.open(http, baseUrl, sign("GET", "/agent/v1/stream", NO_BODY, System.currentTimeMillis()),
                    onMessage).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("push stream did not open", e);
        }
    }

    /** The four signature headers for a request at {@code timestampMs}, with a fresh nonce. */
    public Map<String, String> sign(String method, String path, byte[] body, long timestampMs) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return new LinkedHashMap<>(RequestSignature.sign(key, method, path, body, timestampMs,
                HexFormat.of().formatHex(nonce)));
    }

    /** POST /agent/v1/plays with these records and a fresh batch id, as the agent sends it. */
    public Reply postPlays(JsonArray records) {
        return postPlays(records, new JsonArray());
    }

    public Reply postPlays(JsonArray records, JsonArray gapNotices) {
        byte[] batch = new byte[16];
        RANDOM.nextBytes(batch);
        JsonObject body = new JsonObject().put("batch", HexFormat.of().formatHex(batch)).put("records", records);
        if (!gapNotices.isEmpty()) {
            body.put("gapNotices", gapNotices);
        }
        return post("/agent/v1/plays", body);
    }

    /** A play record as the agent uploads it: the payload string and the device signature over its bytes. */
    public JsonObject signedRecord(String payload) {
        return new JsonObject().put("payload", payload)
                .put("sig", key.signBase64(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends exactly these headers and body, signed or not: for tampering and replay. */
    public Reply send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0 && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpRequest request = b.build();
            HttpResponse<byte[]> res = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ApiSpec.check(request.method(), request.uri().getRawPath(), res.statusCode(), res.headers().map(), res.body());
            return new Reply(res.statusCode(), res.headers().map(), res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
