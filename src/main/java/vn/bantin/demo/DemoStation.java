package vn.bantin.demo;

import vn.bantin.process.FeedProcess;
import vn.bantin.stream.IcecastSource;
import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.stream.icecast.IcecastSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The demo's stand-in provincial station: an Icecast2 of its own on loopback (generated passwords under DIR) and a
 * real ffmpeg encoding a spoken file in a loop, in real time, to Ogg/Opus on mount {@value #MOUNT} — the way a
 * station's encoder feeds its server, the source password going only into the source connection. Once on the air
 * it writes the listen URL to DIR/url; it keeps the feed going (restarted if it breaks) until stopped (SIGTERM,
 * Ctrl-C), which ends ffmpeg and Icecast, or until its Icecast stops.
 *
 * <p>Usage: DemoStation DIR PORT AUDIO_FILE
 */
public final class DemoStation implements AutoCloseable {

    static final String MOUNT = "/dai-tinh.ogg";
    static final String NAME = "Đài tỉnh (mô phỏng)";
    private static final long RETRY_MS = 2_000;

    private final IcecastServer server;
    private final Path audio;
    private final Thread feeding;
    private volatile boolean closed;
    private volatile FeedProcess encoder;

    private DemoStation(IcecastServer server, Path audio) {
        this.server = server;
        this.audio = audio;
        this.feeding = new Thread(this::feedForever, "demo-station-feed");
        this.feeding.setDaemon(true);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[1].matches("\\d{1,5}")) {
            System.err.println("usage: DemoStation DIR PORT AUDIO_FILE");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        DemoStation station = start(dir, Integer.parseInt(args[1]), Path.of(args[2]));
        Runtime.getRuntime().addShutdownHook(new Thread(station::close, "demo-station-stop"));
        Path url = dir.resolve("url");
        Path tmp = dir.resolve("url.tmp");
        Files.writeString(tmp, station.url(), StandardCharsets.UTF_8);
        Files.move(tmp, url, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(NAME + " on the air: " + station.url());
        station.feeding.join();
    }

    /** Starts the server and the feed; returns once the mount is on the air (IOException when it does not come). */
    public static DemoStation start(Path dir, int port, Path audio) throws IOException, InterruptedException {
        if (!Files.isReadable(audio)) {
            throw new IOException("the station's programme " + audio + " is not a readable file");
        }
        IcecastServer server = IcecastServer.start(IcecastSettings.loopback(dir.resolve("icecast")).withPort(port));
        DemoStation station = new DemoStation(server, audio);
        station.feeding.start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!server.mounted(MOUNT)) {
            if (System.currentTimeMillis() > deadline) {
                FeedProcess e = station.encoder;
                station.close();
                throw new IOException("the station's feed is not on " + MOUNT + " within 15 s"
                        + (e == null ? "" : "; ffmpeg said: " + e.stderr()));
            }
            Thread.sleep(100);
        }
        return station;
    }

    /** What a listener (the relay source) plays. */
    public String url() {
        return server.listenUrl(MOUNT).toString();
    }

    private void feedForever() {
        while (!closed) {
            if (!server.alive()) {
                System.err.println(NAME + ": its Icecast2 stopped; the station is off the air");
                return;
            }
            try {
                feedOnce();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println(NAME + ": feed broke (" + e.getMessage() + "); again in " + RETRY_MS + " ms");
                }
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void feedOnce() throws IOException {
        IcecastSource.Target target = new IcecastSource.Target("127.0.0.1", server.port(), MOUNT, "source",
                server.credentials().sourcePassword());
        try (FeedProcess ffmpeg = FeedProcess.start(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                "-re", "-stream_loop", "-1", "-i", audio.toString(), "-ac", "1", "-ar", "48000",
                "-c:a", "libopus", "-b:a", "48k", "-f", "ogg", "pipe:1"));
             OutputStream mount = IcecastSource.open(target, NAME)) {
            encoder = ffmpeg;
            ffmpeg.input().close();
            InputStream in = ffmpeg.output();
            byte[] buffer = new byte[4096];
            for (int n; !closed && (n = in.read(buffer)) >= 0; ) {
                mount.write(buffer, 0, n);
                mount.flush();
            }
            if (!closed) {
                throw new IOException("ffmpeg ended: " + ffmpeg.stderr().strip());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        FeedProcess e = encoder;
        if (e != null) {
            e.kill();
        }
        feeding.interrupt();
        server.close();
    }
}
