package vn.bantin.agent.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cheap look at a stream while the fallback plays: does it answer 200 with data? Only then is mpv switched
 * back to it, so a station still down never silences the fallback with a failed attempt. An HLS playlist must
 * also be live: not ended, and listing a newer segment than when the relay went down ({@link #markDown}), since
 * a station's web server keeps answering with the last playlist after its encoder died, and mpv would replay
 * its stale segments.
 */
final class StreamProbe {

    private static final int MAX_PLAYLIST_BYTES = 512 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, String> newestAtDown = new ConcurrentHashMap<>();

    StreamProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The relay of {@code url} went down: remembers an HLS playlist's newest segment now, to tell growth from. */
    void markDown(String url) {
        newestAtDown.remove(url);
        URI uri = URI.create(url);
        if (HlsPlaylist.isHls(uri)) {
            try {
                String newest = mediaPlaylist(uri).newest();
                if (newest != null) {
                    newestAtDown.put(url, newest);
                }
            } catch (Unanswered e) {
                // unreachable now: any playlist it answers with later is news
            }
        }
    }

    /** Null when the stream answers with data (an HLS playlist: live and grown since it went down), else why not. */
    String problem(String url) {
        URI uri = URI.create(url);
        try {
            if (!HlsPlaylist.isHls(uri)) {
                try (InputStream body = open(uri)) {
                    return body.read() < 0 ? "the stream answers without data" : null;
                }
            }
            HlsPlaylist playlist = mediaPlaylist(uri);
            if (playlist.ended()) {
                return "the HLS playlist has ended (#EXT-X-ENDLIST)";
            }
            if (playlist.newest() == null) {
                return "the HLS playlist lists no segment";
            }
            if (playlist.newest().equals(newestAtDown.get(url))) {
                return "the HLS playlist does not grow: its newest segment is still " + playlist.newest();
            }
            return null;
        } catch (Unanswered e) {
            return e.getMessage();
        } catch (IOException e) {
            return unreachable(e);
        }
    }

    /** The playlist at {@code uri}, or for a master playlist its first variant's. */
    private HlsPlaylist mediaPlaylist(URI uri) throws Unanswered {
        HlsPlaylist playlist = playlist(uri);
        return playlist.isMaster() ? playlist(playlist.variant()) : playlist;
    }

    private HlsPlaylist playlist(URI uri) throws Unanswered {
        try (InputStream body = open(uri)) {
            return HlsPlaylist.parse(uri, new String(body.readNBytes(MAX_PLAYLIST_BYTES), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new Unanswered(e.getMessage());
        } catch (IOException e) {
            throw new Unanswered(unreachable(e));
        }
    }

    private InputStream open(URI uri) throws IOException, Unanswered {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted");
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new Unanswered("the stream answers HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static String unreachable(IOException e) {
        return "the stream is unreachable: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** Why the stream does not count as answering, in words for the gap's reason. */
    private static final class Unanswered extends Exception {
        Unanswered(String why) {
            super(why, null, false, false);
        }
    }
}
