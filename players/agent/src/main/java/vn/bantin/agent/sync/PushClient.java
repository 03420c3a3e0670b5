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
import java.util.function.Consumer;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.crypto.RequestSigner;

/**
 * The push stream (contract: push stream): a WebSocket to {@code /agent/v1/stream}, opened with a signed
 * upgrade request and kept open, reconnecting with jittered backoff. The controller pings it; a link silent
 * for longer than {@code silence} is taken for dead and replaced. Whole text messages go to the inbox; every
 * (re)connection asks for a pull, so nothing pushed while it was down is lost.
 */
public final class PushClient implements Runnable {

    private static final Logger LOG = Logger.getLogger(PushClient.class.getName());
    static final String PATH = "/agent/v1/stream";
    private static final long CHECK_MS = 5_000;

    private final Backoff backoff = new Backoff(1_000, 60_000);
    private final URI uri;
    private final RequestSigner signer;
    private final AgentClock clock;
    private final BooleanSupplier enrolled;
    private final Runnable onConnect;
    private final Consumer<String> inbox;
    private final long silenceMs;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "push-io");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    private volatile boolean running = true;
    private volatile WebSocket socket;
    private volatile long lastHeardMono;

    public PushClient(URI controller, RequestSigner signer, AgentClock clock, BooleanSupplier enrolled, Runnable onConnect,
                      Consumer<String> inbox, Duration silence) {
        String scheme = "https".equalsIgnoreCase(controller.getScheme()) ? "wss" : "ws";
        this.uri = URI.create(scheme + "://" + controller.getRawAuthority() + PATH);
        this.signer = signer;
        this.clock = clock;
        this.enrolled = enrolled;
        this.onConnect = onConnect;
        this.inbox = inbox;
        this.silenceMs = silence.toMillis();
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

    public boolean isOpen() {
        WebSocket ws = socket;
        return ws != null && !ws.isOutputClosed() && !ws.isInputClosed();
    }

    /** Sends one text message if the stream is open; false when it is not or the send failed. */
    public synchronized boolean send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return false;
        }
        try {
            ws.sendText(text, true).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            LOG.fine("push stream send failed: " + e);
            return false;
        }
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
                lastHeardMono = System.nanoTime();
                socket = builder.buildAsync(uri, new Listener(closed)).get(20, TimeUnit.SECONDS);
                LOG.info("push stream open");
                backoff.reset();
                onConnect.run();
                watch(closed);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.fine("push stream: " + e);
            }
            socket = null;
            if (running) {
                long delay = backoff.next();
                LOG.info("push stream closed; reconnecting in " + delay + " ms");
                sleep(delay);
            }
        }
    }

    /** Waits for the socket to close; one silent for too long (no message, no ping) is dropped. */
    private void watch(CompletableFuture<Void> closed) throws InterruptedException {
        while (running) {
            try {
                closed.get(CHECK_MS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if ((System.nanoTime() - lastHeardMono) / 1_000_000 > silenceMs) {
                    LOG.warning("push stream silent for " + silenceMs + " ms; replacing it");
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
        private final StringBuilder text = new StringBuilder();

        Listener(CompletableFuture<Void> closed) {
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastHeardMono = System.nanoTime();
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                inbox.accept(message);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            lastHeardMono = System.nanoTime();
            return WebSocket.Listener.super.onPing(ws, message);
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
