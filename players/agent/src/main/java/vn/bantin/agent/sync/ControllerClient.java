package vn.bantin.agent.sync;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import vn.bantin.agent.crypto.RequestSigner;

/** Signed HTTP calls to the controller's agent API; corrects the clock offset from a 401's server time. */
public final class ControllerClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControllerClient.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long SKEW_TOLERANCE_MS = 60_000;
    /** Nullable contract fields (heartbeat timelineVersion, nowPlaying, temperatureC) are sent as null, not left out. */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private final URI base;
    private final RequestSigner signer;
    private final AgentClock clock;
    private final ExecutorService executor;
    private final HttpClient http;

    public ControllerClient(URI base, RequestSigner signer, AgentClock clock) {
        this.base = base;
        this.signer = signer;
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    public HttpResponse<byte[]> postJson(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, WRITER.asBytes(body), Map.of("Content-Type", "application/json"),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs these exact bytes as JSON, for callers that must know what they sent (e.g. to check an answer bound to it). */
    public HttpResponse<byte[]> postBytes(String path, byte[] json) throws IOException, InterruptedException {
        return send("POST", path, json, Map.of("Content-Type", "application/json"), HttpResponse.BodyHandlers.ofByteArray());
    }

    public <T> HttpResponse<T> get(String pathOrUrl, Map<String, String> headers, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return send("GET", pathOrUrl, null, headers, handler);
    }

    private <T> HttpResponse<T> send(String method, String pathOrUrl, byte[] body, Map<String, String> headers,
                                     HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        URI uri = base.resolve(pathOrUrl);
        HttpResponse<T> response = http.send(request(method, uri, body, headers), handler);
        if (response.statusCode() == 401 && correctedClock(response)) {
            response = http.send(request(method, uri, body, headers), handler);
        }
        return response;
    }

    private boolean correctedClock(HttpResponse<?> response) {
        String serverTime = response.headers().firstValue("X-Bantin-Server-Time").orElse(null);
        if (serverTime == null) {
            return false;
        }
        try {
            long skew = Long.parseLong(serverTime.trim()) - clock.now();
            if (Math.abs(skew) < SKEW_TOLERANCE_MS) {
                return false;
            }
            LOG.warning("controller refused our clock (off by " + skew + " ms); correcting and retrying");
            clock.setOffset(clock.offsetMs() + skew);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private HttpRequest request(String method, URI uri, byte[] body, Map<String, String> headers) {
        String pathWithQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        signer.headers(method, pathWithQuery, body, clock.now()).forEach(b::header);
        return b.build();
    }

    public static String bodyText(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
