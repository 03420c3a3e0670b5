package vn.bantin.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way the controller runs a program (ffprobe, ffmpeg, espeak-ng): stdin closed, stdout and stderr each
 * drained on their own thread from the start (so a chatty program never blocks on a full pipe), a timeout that
 * fires whatever the program does, and on timeout or interruption the program and everything it started are
 * killed before this returns. What a program printed is kept up to a bound (the tail: ffmpeg's summaries are at
 * the end).
 */
public final class ExternalProcess {

    /** How long the drains may take to see end-of-stream after the program ended (a grandchild may hold a pipe). */
    private static final long DRAIN_GRACE_MS = 2000;
    private static final long KILL_WAIT_MS = 5000;
    private static final int DEFAULT_KEEP = 256 * 1024;

    private final List<String> command;
    private Duration timeout = Duration.ofMinutes(1);
    private Consumer<String> stdoutLines;
    private int keepBytes = DEFAULT_KEEP;
    private Path workDir;
    private int niceness;

    private ExternalProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static ExternalProcess of(List<String> command) {
        return new ExternalProcess(command);
    }

    public ExternalProcess timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** Each line of stdout, as it arrives, on the drain thread (ffmpeg's -progress). The tail is kept as well. */
    public ExternalProcess onStdoutLine(Consumer<String> listener) {
        this.stdoutLines = listener;
        return this;
    }

    /** How many bytes of each stream are kept (the last ones). */
    public ExternalProcess keep(int bytes) {
        this.keepBytes = bytes;
        return this;
    }

    /** Above 0: the program runs at that lower CPU priority (through nice(1), which execs it: same process). */
    public ExternalProcess niceness(int value) {
        this.niceness = value;
        return this;
    }

    public ExternalProcess in(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** What the program left: its exit status and the kept tail of each stream (UTF-8). */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** The program did not end within its timeout; it has been killed. */
    public static final class TimedOut extends Exception {
        private final long pid;

        TimedOut(List<String> command, Duration after, long pid) {
            super(command.get(0) + " did not finish within " + after.toMillis() + " ms and was killed");
            this.pid = pid;
        }

        public long pid() {
            return pid;
        }
    }

    /**
     * Runs the program to its end. Throws IOException if it cannot be started, TimedOut (program killed) when
     * the timeout passes, InterruptedException (program killed, flag kept) when the calling thread is interrupted.
     */
    public Result run() throws IOException, TimedOut, InterruptedException {
        List<String> argv = command;
        if (niceness > 0) {
            argv = new java.util.ArrayList<>(List.of("nice", "-n", String.valueOf(niceness)));
            argv.addAll(command);
        }
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        StreamTail out = new StreamTail(process.getInputStream(), keepBytes, stdoutLines, "process-stdout");
        StreamTail err = new StreamTail(process.getErrorStream(), keepBytes, null, "process-stderr");
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new TimedOut(command, timeout, process.pid());
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw e;
        }
        // the program ended; what it started in the background must not outlive it either
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        out.awaitEnd(DRAIN_GRACE_MS);
        err.awaitEnd(DRAIN_GRACE_MS);
        return new Result(process.exitValue(), out.text(), err.text());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
