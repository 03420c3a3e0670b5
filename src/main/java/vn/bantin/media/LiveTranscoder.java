package vn.bantin.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.process.ExternalProcess;
import vn.bantin.process.FeedProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * One live session's audio: the browser's MediaRecorder chunks (WebM/Opus) go, in order, into the recording file
 * exactly as received (the evidence) and into ffmpeg, which remuxes them without re-encoding into Ogg/Opus with
 * short pages for low latency; what ffmpeg writes goes to the stream sink (the Icecast mount). Chunks are handed
 * over without blocking the caller; if ffmpeg or the sink fails, the recording still takes every chunk.
 */
public final class LiveTranscoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTranscoder.class);
    private static final byte[] END = new byte[0];
    /** About two minutes of the browser's 100 ms chunks: a sink slower than that is broken, not slow. */
    private static final int QUEUE = 1200;
    /** Ogg pages of 60 ms: the page is what a listener waits for, the default (1 s) would add a second of delay. */
    private static final String PAGE_MICROS = "60000";

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(QUEUE);
    private final FileChannel recording;
    private final FeedProcess ffmpeg;
    private final Thread writer;
    private final Thread reader;
    private final Consumer<String> broken;
    private volatile String failure;
    private volatile long bytes;

    private LiveTranscoder(FileChannel recording, FeedProcess ffmpeg, OutputStream sink, Consumer<String> broken) {
        this.recording = recording;
        this.ffmpeg = ffmpeg;
        this.broken = broken;
        this.writer = new Thread(this::write, "live-writer");
        this.reader = new Thread(() -> copy(ffmpeg.output(), sink), "live-sink");
        writer.setDaemon(true);
        reader.setDaemon(true);
    }

    /** Starts ffmpeg; {@code broken} is told once, in words ("vi / en"), when the stream to listeners broke. */
    public static LiveTranscoder start(Path recordingFile, OutputStream sink, Consumer<String> broken)
            throws IOException {
        FileChannel file = FileChannel.open(recordingFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FeedProcess ffmpeg;
        try {
            ffmpeg = FeedProcess.start(command());
        } catch (IOException e) {
            file.close();
            throw e;
        }
        LiveTranscoder t = new LiveTranscoder(file, ffmpeg, sink, broken);
        t.writer.start();
        t.reader.start();
        return t;
    }

    static List<String> command() {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "error",
                "-fflags", "nobuffer", "-probesize", "4096", "-analyzeduration", "0"));
        cmd.addAll(InputGuard.LIVE_WEBM);
        cmd.addAll(List.of("-i", "pipe:0", "-map", "0:a:0", "-c:a", "copy", "-f", "ogg", "-page_duration",
                PAGE_MICROS, "-flush_packets", "1", "pipe:1"));
        return cmd;
    }

    /** Hands one chunk on; false (and the session should end) when the pipeline is too far behind. */
    public boolean accept(byte[] chunk) {
        if (chunk.length == 0) {
            return true;
        }
        return chunks.offer(chunk);
    }

    public long bytes() {
        return bytes;
    }

    /** Why the stream to listeners broke, or null. */
    public String failure() {
        return failure;
    }

    /** Ends the input, waits for the recording to be durable and ffmpeg to end; the recording's size in bytes. */
    public long finish(Duration within) throws IOException, InterruptedException {
        chunks.put(END);
        writer.join(within.toMillis());
        try {
            ExternalProcess.Result r = ffmpeg.finish(within);
            if (!r.ok() && failure == null) {
                LOG.warn("live ffmpeg ended with {}: {}", r.exitCode(), r.stderr());
            }
        } catch (ExternalProcess.TimedOut e) {
            LOG.warn("live ffmpeg did not end: {}", e.getMessage());
        }
        reader.join(within.toMillis());
        recording.force(true);
        recording.close();
        return bytes;
    }

    /**
     * The recording as a file players and probes take: the received WebM (which, as MediaRecorder writes it, has no
     * duration in its header) remuxed without re-encoding into Ogg/Opus, whose pages carry the time.
     */
    public static void remux(Path webm, Path ogg, Duration within) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        cmd.addAll(InputGuard.OPTIONS);
        cmd.addAll(List.of("-i", webm.toString(), "-map", "0:a:0", "-c:a", "copy", "-f", "ogg", ogg.toString()));
        try {
            ExternalProcess.Result r = ExternalProcess.of(cmd).timeout(within).run();
            if (!r.ok()) {
                throw new IOException("ffmpeg could not remux the recording: " + r.stderr().strip());
            }
        } catch (ExternalProcess.TimedOut e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void write() {
        OutputStream in = ffmpeg.input();
        boolean feeding = true;
        try {
            for (byte[] chunk; (chunk = chunks.take()) != END; ) {
                recording.write(ByteBuffer.wrap(chunk));
                bytes += chunk.length;
                if (feeding) {
                    feeding = feed(in, chunk);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            fail("Không ghi được bản ghi âm / The recording could not be written: " + e.getMessage());
        }
    }

    private boolean feed(OutputStream in, byte[] chunk) {
        try {
            in.write(chunk);
            in.flush();
            return true;
        } catch (IOException e) {
            fail("Bộ chuyển mã dừng / The transcoder stopped: " + ffmpeg.stderr().strip());
            return false;
        }
    }

    private void copy(InputStream from, OutputStream to) {
        byte[] buf = new byte[8192];
        boolean sending = true;
        try (from) {
            for (int n; (n = from.read(buf)) > 0; ) {
                if (sending) {
                    sending = send(to, buf, n);
                }
            }
        } catch (IOException e) {
            // ffmpeg was killed: nothing more to send
        }
        closeQuietly(to);
    }

    private boolean send(OutputStream to, byte[] buf, int n) {
        try {
            to.write(buf, 0, n);
            to.flush();
            return true;
        } catch (IOException e) {
            fail("Máy chủ phát luồng ngắt kết nối / The streaming server dropped the stream: " + e.getMessage());
            return false;
        }
    }

    private synchronized void fail(String why) {
        if (failure == null) {
            failure = why;
            broken.accept(why);
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // the sink is gone either way
        }
    }

    @Override
    public void close() {
        ffmpeg.kill();
        writer.interrupt();
        try {
            recording.close();
        } catch (IOException ignored) {
            // closing after a failure: what was written is kept
        }
    }
}
