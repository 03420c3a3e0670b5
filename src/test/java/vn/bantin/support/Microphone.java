package vn.bantin.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A speaker's browser without the browser: a Java WebSocket client on a live session's audio socket, sending what
 * MediaRecorder sends (WebM/Opus in ~100 ms clusters, the page's timeslice, in real time) made by ffmpeg from a
 * spoken file, and keeping every text message the controller answers.
 */
public final class Microphone implements AutoCloseable {

    private final WebSocket socket;
    private final List<JsonObject> heard = new CopyOnWriteArrayList<>();
    private volatile Integer closedWith;
    private volatile long firstPieceAt;
    private Process encoder;

    private Microphone(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Opens the audio socket of a session with a bearer token. */
    public static Microphone open(String baseUrl, String token, long sessionId) {
        return new Microphone(uri(baseUrl, sessionId, ""), Map.of("Authorization", "Bearer " + token));
    }

    /** Opens it as the speaker's page does: the session cookie, the page's origin, {@code ?csrf=} when given. */
    public static Microphone open(Browser page, String baseUrl, String origin, String csrf, long sessionId) {
        return new Microphone(uri(baseUrl, sessionId, csrf == null ? "" : "?csrf=" + csrf),
                Map.of("Cookie", page.cookie(), "Origin", origin));
    }

    private static URI uri(String baseUrl, long sessionId, String query) {
        return URI.create(baseUrl.replaceFirst("^http", "ws") + "/api/v1/live-sessions/" + sessionId + "/audio"
                + query);
    }

    /** Vietnamese speech from espeak-ng as a WAV file. */
    public static Path speech(Path dir, String name, String text) throws IOException, InterruptedException {
        Path wav = dir.resolve(name);
        Process p = new ProcessBuilder("espeak-ng", "-v", "vi", "-w", wav.toString(), text).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("espeak-ng failed");
        }
        return wav;
    }

    /** Speaks a file in real time (ffmpeg -re), each piece of its WebM output one binary message; blocks until done. */
    public void speak(Path audio) throws IOException, InterruptedException {
        encoder = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-i", audio.toString(),
                "-c:a", "libopus", "-b:a", "32k", "-ac", "1", "-f", "webm", "-cluster_time_limit", "100", "-live", "1",
                "pipe:1").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = encoder.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (firstPieceAt == 0) {
                    firstPieceAt = System.currentTimeMillis();
                }
                socket.sendBinary(ByteBuffer.wrap(buf, 0, n), true).join();
                buf = new byte[16 * 1024];
            }
        }
        encoder.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts {@link #speak} on its own thread, so the test can watch the session while the speaker talks. */
    public Thread speakInBackground(Path audio) {
        Thread speaking = new Thread(() -> {
            try {
                speak(audio);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "microphone");
        speaking.start();
        return speaking;
    }

    /** When the encoder's first piece was sent (epoch ms), 0 before: the encoder started a piece earlier. */
    public long firstPieceAt() {
        return firstPieceAt;
    }

    public void end() {
        socket.sendText(new JsonObject().put("type", "end").encode(), true).join();
    }

    /** Every text message so far. */
    public List<JsonObject> heard() {
        return List.copyOf(heard);
    }

    /** Waits for a message matching the predicate. */
    public JsonObject await(Predicate<JsonObject> wanted, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            for (JsonObject m : heard) {
                if (wanted.test(m)) {
                    return m;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such message within " + within + "; heard " + heard);
    }

    public Integer closedWith() {
        return closedWith;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.destroyForcibly();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                heard.add(new JsonObject(text.toString()));
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedWith = statusCode;
            return null;
        }
    }
}
