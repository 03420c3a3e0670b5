package vn.bantin.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A stand-in upper-level station on the HLS path: a real ffmpeg encoding a sine tone in real time into a live HLS
 * playlist (1 s segments, six listed, older ones deleted) in a directory that a small Vert.x server offers on
 * 127.0.0.1, as a station's web server would. {@link #cut} takes it off the air in one of the ways a station
 * fails ({@link Cut}); {@link #restore()} brings it back, the encoder's segment numbers going on from where they were.
 */
public final class HlsStation implements AutoCloseable {

    /** How the station goes off the air. */
    public enum Cut {
        /** The encoder is killed: the server keeps answering with the last playlist, which stops growing. */
        ENCODER_CRASH,
        /** The encoder is stopped (SIGTERM): it ends the playlist with #EXT-X-ENDLIST, which is still served. */
        ENCODER_STOP,
        /** The web server goes away (connections refused) while the encoder goes on. */
        SERVER_DOWN
    }

    private static final Pattern SERVED = Pattern.compile("[a-z0-9-]+\\.(m3u8|ts)");
    private static final String PLAYLIST = "tinh.m3u8";

    private final Path dir;
    private final int hz;
    private final Vertx vertx = Vertx.vertx();
    private final int port;
    private HttpServer server;
    private final AtomicLong segmentFetchedAt = new AtomicLong();
    private final long firstStart = System.currentTimeMillis();
    private Process encoder;

    private HlsStation(Path dir, int hz) throws IOException {
        this.dir = dir;
        this.hz = hz;
        try {
            listen(0);
        } catch (IOException e) {
            vertx.close();
            throw e;
        }
        this.port = server.actualPort();
    }

    private void listen(int at) throws IOException {
        try {
            server = vertx.createHttpServer().requestHandler(this::serve).listen(at, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("the HLS station's web server did not start: " + e.getMessage(), e);
        }
    }

    /** An endless sine tone at {@code hz}, on the air (its playlist listed) once this returns. */
    public static HlsStation tone(Path dir, int hz) throws IOException {
        Files.createDirectories(dir);
        HlsStation station = new HlsStation(dir, hz);
        try {
            station.restore();
        } catch (IOException e) {
            station.close();
            throw e;
        }
        return station;
    }

    /** The playlist URL a listener plays. */
    public String url() {
        return "http://127.0.0.1:" + port + "/tinh/" + PLAYLIST;
    }

    /** When a listener last fetched a segment (epoch ms; 0: never). */
    public long segmentFetchedAt() {
        return segmentFetchedAt.get();
    }

    /** Off the air in the given way. */
    public void cut(Cut how) throws IOException {
        switch (how) {
            case ENCODER_CRASH -> stopEncoder(true);
            case ENCODER_STOP -> stopEncoder(false);
            case SERVER_DOWN -> {
                try {
                    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException("the HLS station's web server did not close: " + e.getMessage(), e);
                }
                server = null;
            }
        }
    }

    private void stopEncoder(boolean crash) {
        if (encoder == null) {
            return;
        }
        if (crash) {
            encoder.destroyForcibly();
        } else {
            encoder.destroy();
        }
        try {
            encoder.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        encoder = null;
    }

    /** Back on the air: the web server answers again (same port), the encoder runs. */
    public void restore() throws IOException {
        if (server == null) {
            listen(port);
        }
        restoreEncoder();
    }

    /** The encoder is back; returns once its first new segment is listed. */
    private void restoreEncoder() throws IOException {
        if (encoder != null && encoder.isAlive()) {
            return;
        }
        // more than one number per second of the station's life: a restart never reuses a segment's name
        long startNumber = 2 * (System.currentTimeMillis() - firstStart) / 1000 + 10;
        Path playlist = dir.resolve(PLAYLIST);
        String before = Files.exists(playlist) ? Files.readString(playlist) : "";
        encoder = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000",
                "-ac", "1", "-c:a", "aac", "-b:a", "64k",
                "-f", "hls", "-hls_time", "1", "-hls_list_size", "6", "-hls_flags", "delete_segments+temp_file",
                "-start_number", Long.toString(startNumber),
                "-hls_segment_filename", dir.resolve("seg-%d.ts").toString(), playlist.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!Files.exists(playlist) || Files.readString(playlist).equals(before)) {
            if (!encoder.isAlive()) {
                throw new IOException("the HLS station's ffmpeg exited with status " + encoder.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the HLS station wrote no playlist within 15 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the HLS playlist", e);
            }
        }
    }

    private void serve(HttpServerRequest request) {
        String path = request.path();
        String name = path.startsWith("/tinh/") ? path.substring("/tinh/".length()) : "";
        Path file = dir.resolve(name);
        if (!SERVED.matcher(name).matches() || !Files.isRegularFile(file)) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (name.endsWith(".ts")) {
            segmentFetchedAt.set(System.currentTimeMillis());
        }
        request.response().putHeader("Cache-Control", "no-cache")
                .putHeader("Content-Type", name.endsWith(".ts") ? "video/mp2t" : "application/vnd.apple.mpegurl")
                .sendFile(file.toString())
                .onFailure(e -> request.response().reset());
    }

    @Override
    public void close() {
        stopEncoder(true);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the test is over: a slow shutdown leaves nothing behind once the JVM ends
        }
    }
}
