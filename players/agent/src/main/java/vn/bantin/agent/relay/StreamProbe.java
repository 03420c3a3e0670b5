package vn.bantin.agent.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A cheap look at a stream while the fallback plays: does it answer 200 with data? Only then is mpv switched
 * back to it, so a station still down never silences the fallback with a failed attempt.
 */
final class StreamProbe {

    private final HttpClient http;
    private final Duration timeout;

    StreamProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Null when the stream answers with data, else why not. */
    String problem(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return "the stream answers HTTP " + response.statusCode();
                }
                return body.read() < 0 ? "the stream answers without data" : null;
            }
        } catch (IOException e) {
            return "the stream is unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
