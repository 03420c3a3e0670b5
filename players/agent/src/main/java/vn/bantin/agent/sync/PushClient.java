package vn.bantin.agent.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.crypto.RequestSigner;

/**
 * The push stream (contract: Push): a WebSocket to {@code /agent/v1/stream}, opened with a signed
 * upgrade request and kept open, reconnecting with backoff. Any message, and every (re)connection,
 * asks for a pull; the message itself is never trusted for content, so a lost push loses nothing.
 */
public final class PushClient implements Runnable {

    private static final Logger LOG = Logger.getLogger(PushClient.class.getName());
    static final String PATH = "/agent/v1/stream";
    private final Backoff backoff = new Backoff(1_000, 60_000);
    private static final Duration PING_EVERY = Duration.ofSeconds(30);

    private final URI uri;
    private final RequestSigner signer;
    private final AgentClock clock;
    private final BooleanSupplier enrolled;
    private final Runnable pull;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "push-io");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private volatile boolean running = true;
    private volatile WebSocket socket;

    public PushClient(URI controller, RequestSigner signer, AgentClock clock, BooleanSupplier enrolled, Runnable pull) {
        String scheme = "https".equalsIgnoreCase(controller.getScheme()) ? "wss" : "ws";
        this.uri = URI.create(scheme + "://" + controller.getRawAuthority() + PATH);
        this.signer = signer;
        this.clock = clock;
        this.enrolled = enrolled;
        this.pull = pull;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    public void stop() {
        running = false;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        executor.shutdownNow();
    }

    @Override
    public void run() {
        while (running) {
            if (!enrolled.getAsBoolean()) {
                sleep(2_000);
                continue;
            }
            CompletableFuture<Void> closed = new CompletableFuture<>();
            try {
                WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
                signer.headers("GET", PATH, null, clock.now()).forEach(builder::header);
                socket = builder.buildAsync(uri, new Listener(closed)).get(20, TimeUnit.SECONDS);
                LOG.info("push stream open");
                backoff.reset();
                pull.run();
                keepAlive(closed);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.fine("push stream: " + e);
            }
            if (running) {
                long delay = backoff.next();
                LOG.info("push stream closed; reconnecting in " + delay + " ms");
                sleep(delay);
            }
        }
    }

    /** Waits for the socket to close, pinging now and then so a dead link is noticed and replaced. */
    private void keepAlive(CompletableFuture<Void> closed) throws InterruptedException {
        while (running) {
            try {
                closed.get(PING_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                try {
                    socket.sendPing(ByteBuffer.allocate(0)).get(10, TimeUnit.SECONDS);
                } catch (Exception failed) {
                    socket.abort();
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                return;
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final CompletableFuture<Void> closed;

        Listener(CompletableFuture<Void> closed) {
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (last) {
                LOG.fine("push: " + data);
                pull.run();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(null);
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
