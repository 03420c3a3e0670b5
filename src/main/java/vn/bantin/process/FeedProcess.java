package vn.bantin.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program fed through its stdin for as long as its input lasts, its stdout read by the caller (ffmpeg remuxing a
 * live stream from pipe to pipe); stderr is drained from the start with its tail kept, and {@link #finish} or
 * {@link #kill} end it and everything it started, like {@link ExternalProcess}.
 */
public final class FeedProcess implements AutoCloseable {

    private static final long DRAIN_GRACE_MS = 2000;
    private static final int KEEP = 64 * 1024;

    private final List<String> command;
    private final Process process;
    private final StreamTail err;

    private FeedProcess(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.err = new StreamTail(process.getErrorStream(), KEEP, null, "feed-stderr");
    }

    public static FeedProcess start(List<String> command) throws IOException {
        return new FeedProcess(List.copyOf(command), new ProcessBuilder(command).start());
    }

    /** Where its input goes; writes block when the program falls behind. */
    public OutputStream input() {
        return process.getOutputStream();
    }

    /** What it writes; the caller must keep reading it, or the program blocks. */
    public InputStream output() {
        return process.getInputStream();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Closes its input and waits for it to end; killed (TimedOut) when it takes longer than {@code within}. */
    public ExternalProcess.Result finish(Duration within) throws ExternalProcess.TimedOut, InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // it already stopped reading (ended or crashed): waiting tells which
        }
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new ExternalProcess.TimedOut(command, within, process.pid());
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        err.awaitEnd(DRAIN_GRACE_MS);
        return new ExternalProcess.Result(process.exitValue(), "", err.text());
    }

    /** What it printed on stderr so far (the kept tail). */
    public String stderr() {
        return err.text();
    }

    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        kill();
    }
}
