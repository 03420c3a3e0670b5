package vn.bantin.support;

import vn.bantin.stream.icecast.IcecastServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in upper-level station: a real ffmpeg sending audio in real time (-re) to an Icecast mount, as the
 * provincial station's encoder would. {@link #cut()} kills it (the mount goes away, listeners lose the stream);
 * {@link #restore()} starts it again on the same mount.
 */
public final class StationFeed implements AutoCloseable {

    public enum Codec { OPUS_OGG, MP3 }

    private final IcecastServer server;
    private final String mount;
    private final List<String> input;
    private final Codec codec;
    private Process process;

    private StationFeed(IcecastServer server, String mount, List<String> input, Codec codec) {
        this.server = server;
        this.mount = mount;
        this.input = input;
        this.codec = codec;
    }

    /** An endless sine tone at {@code hz} (a different pitch per station tells them apart in recordings). */
    public static StationFeed tone(IcecastServer server, String mount, int hz, Codec codec) throws IOException {
        StationFeed feed = new StationFeed(server, mount,
                List.of("-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000"), codec);
        feed.restore();
        return feed;
    }

    /** A file (speech, music) played in a loop, in real time. */
    public static StationFeed file(IcecastServer server, String mount, Path file, Codec codec) throws IOException {
        StationFeed feed = new StationFeed(server, mount,
                List.of("-stream_loop", "-1", "-i", file.toString()), codec);
        feed.restore();
        return feed;
    }

    /** The URL a listener plays. */
    public String url() {
        return server.listenUrl(mount).toString();
    }

    public String mount() {
        return mount;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The station goes off the air: ffmpeg is killed and the mount disappears (within about a second). */
    public void cut() throws IOException {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        await(Duration.ofSeconds(10), () -> !server.mounted(mount), "mount " + mount + " gone");
    }

    /** The station is back: ffmpeg starts again and the mount is there once this returns. */
    public void restore() throws IOException {
        if (running()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-re"));
        cmd.addAll(input);
        if (codec == Codec.OPUS_OGG) {
            cmd.addAll(List.of("-ac", "1", "-c:a", "libopus", "-b:a", "32k", "-application", "lowdelay",
                    "-frame_duration", "20", "-f", "ogg", "-content_type", "application/ogg"));
        } else {
            cmd.addAll(List.of("-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3",
                    "-content_type", "audio/mpeg"));
        }
        cmd.add(server.sourceUrl(mount));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        await(Duration.ofSeconds(15), () -> {
            if (!process.isAlive()) {
                throw new IOException("the station's ffmpeg exited with status " + process.exitValue());
            }
            return server.mounted(mount);
        }, "mount " + mount + " fed");
    }

    private interface Condition {
        boolean holds() throws IOException;
    }

    private static void await(Duration limit, Condition condition, String what) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("not within " + limit.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }
}
