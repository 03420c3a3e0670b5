package vn.bantin.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A test device's push stream: a WebSocket opened with signed upgrade headers, whole text messages handed on. */
public final class TestStream {

    private TestStream() {
    }

    public static CompletableFuture<WebSocket> open(HttpClient http, String baseUrl, Map<String, String> signedHeaders,
                                                    Consumer<String> onMessage) {
        WebSocket.Builder b = http.newWebSocketBuilder();
        signedHeaders.forEach(b::header);
        return b.buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/agent/v1/stream"),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            onMessage.accept(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                });
    }
}
