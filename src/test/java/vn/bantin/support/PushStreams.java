package vn.bantin.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A device's open push stream (GET /agent/v1/stream, signed), to watch the controller close it. */
public final class PushStreams {

    private PushStreams() {
    }

    /** Opens the stream; the future completes with the close status code the controller sends. */
    public static CompletableFuture<Integer> open(String baseUrl, SignedAgent device) throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        device.sign("GET", "/agent/v1/stream", new byte[0], System.currentTimeMillis()).forEach(b::header);
        b.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/agent/v1/stream"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closed.complete(status);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        return closed;
    }
}
