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
import java.util.function.Supplier;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.crypto.RequestSigner;

/**
 * Signed HTTP calls to the controller's agent API. A 401 whose server time the controller signed for
 * this very request corrects the clock offset within the clock's bounds, and the call is made again.
 * Every answer, and every failure to get one, tells the link's state.
 */
public final class ControllerClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ControllerClient.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long SKEW_TOLERANCE_MS = 60_000;
    private static final int MAX_CLOCK_RETRIES = 2;
    /** Nullable contract fields (heartbeat timelineVersion, nowPlaying, temperatureC) are sent as null, not left out. */
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    /** An answer with what was needed to check it: our request's nonce and the round trip's timing. */
    public record Exchange<T>(HttpResponse<T> response, String nonce, AgentClock.Probe probe) {
    }

    /** Told of each answer and each failure to reach the controller. */
    public interface Link {
        void up();

        void down();

        Link NONE = new Link() {
            @Override
            public void up() {
            }

            @Override
            public void down() {
            }
        };
    }

    private final URI base;
    private final RequestSigner signer;
    private final AgentClock clock;
    private final Supplier<byte[]> controllerKey;
    private final Link link;
    private final ExecutorService executor;
    private final HttpClient http;

    public ControllerClient(URI base, RequestSigner signer, AgentClock clock, Supplier<byte[]> controllerKey, Link link) {
        this.base = base;
        this.signer = signer;
        this.clock = clock;
        this.controllerKey = controllerKey;
        this.link = link;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    public HttpResponse<byte[]> postJson(String path, Object body) throws IOException, InterruptedException {
        return exchange("POST", path, WRITER.asBytes(body), Map.of("Content-Type", "application/json"),
                HttpResponse.BodyHandlers.ofByteArray()).response();
    }

    /** POSTs these exact bytes as JSON, for callers that must know what they sent (e.g. to check an answer bound to it). */
    public HttpResponse<byte[]> postBytes(String path, byte[] json) throws IOException, InterruptedException {
        return exchange("POST", path, json, Map.of("Content-Type", "application/json"),
                HttpResponse.BodyHandlers.ofByteArray()).response();
    }

    public <T> HttpResponse<T> get(String pathOrUrl, Map<String, String> headers, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return exchange("GET", pathOrUrl, null, headers, handler).response();
    }

    public static byte[] json(Object body) throws IOException {
        return WRITER.asBytes(body);
    }

    public <T> Exchange<T> exchange(String method, String pathOrUrl, byte[] body, Map<String, String> headers,
                                    HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        URI uri = base.resolve(pathOrUrl);
        for (int attempt = 0; ; attempt++) {
            AgentClock.Probe probe = clock.probe();
            Map<String, String> signed = signer.headers(method, pathWithQuery(uri), body, clock.now());
            HttpResponse<T> response;
            try {
                response = http.send(request(method, uri, body, headers, signed), handler);
            } catch (IOException e) {
                link.down();
                throw e;
            }
            link.up();
            String nonce = signed.get("X-Bantin-Nonce");
            if (response.statusCode() != 401 || attempt == MAX_CLOCK_RETRIES || !correctedClock(response, nonce, probe)) {
                return new Exchange<>(response, nonce, probe);
            }
        }
    }

    /**
     * A 401 because our clock is off: a server time signed for our nonce moves the offset within the
     * clock's bounds (a big correction needs a second answer that agrees); true to call again.
     */
    private boolean correctedClock(HttpResponse<?> response, String nonce, AgentClock.Probe probe) {
        String serverTime = response.headers().firstValue("X-Bantin-Server-Time").orElse(null);
        String signature = response.headers().firstValue("X-Bantin-Server-Time-Signature").orElse(null);
        if (serverTime == null) {
            return false;
        }
        try {
            long time = Long.parseLong(serverTime.trim());
            AgentClock.Measurement m = probe.measure(time);
            long off = m.offsetMs() - clock.offsetMs();
            if (Math.abs(off) < SKEW_TOLERANCE_MS) {
                return false;
            }
            if (!ControllerSignatures.serverTime(controllerKey.get(), nonce, time, signature)) {
                LOG.warning("controller refused our clock (off by " + off + " ms) but its server time is not signed"
                        + " by the pinned controller key; not applied: set the system clock (NTP)");
                return false;
            }
            LOG.warning("controller refused our clock (off by " + off + " ms)");
            clock.signedMeasurement(m, "signed 401 answer");
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String pathWithQuery(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private HttpRequest request(String method, URI uri, byte[] body, Map<String, String> headers,
                                Map<String, String> signed) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        signed.forEach(b::header);
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
