package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * One long-running idle mpv with a JSON IPC socket, started again whenever it has died or hung. Audio
 * is not gapless, so mpv reports a file's end once it has been heard, not once it was decoded; the next
 * playlist entry is opened while the current one plays.
 */
public final class MpvProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MpvProcess.class.getName());
    private static final long START_TIMEOUT_MS = 10_000;
    // no Lua scripts (osc, ytdl hook, stats...): each file load waits on their hooks, which doubled the time
    // to open a file under load (48 -> 20 ms p50, 194 -> 88 ms p99 at load 20) and so every start's lateness
    static final List<String> REQUIRED_ARGS = List.of("--idle=yes", "--no-terminal", "--gapless-audio=no",
            "--prefetch-playlist=yes", "--keep-open=no", "--load-scripts=no", "--ytdl=no");

    private final List<String> command = new ArrayList<>();
    private final Path socket;
    private final LongSupplier now;
    private Process process;
    private MpvSession session;
    private String stopReason;
    private Runnable onClosed = () -> { };

    public MpvProcess(String mpvPath, List<String> extraArgs, Path socket, LongSupplier now) {
        this.socket = socket;
        this.now = now;
        command.add(mpvPath);
        command.add("--input-ipc-server=" + socket);
        command.addAll(REQUIRED_ARGS);
        command.addAll(extraArgs);
    }

    /** Called on the IPC thread when mpv's connection ends, so an idle player restarts it at once. */
    public synchronized void onClosed(Runnable listener) {
        this.onClosed = listener;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive() && session != null && !session.isClosed();
    }

    /** A live session, starting mpv first if it is not running. */
    synchronized MpvSession session() throws IOException {
        if (isRunning()) {
            return session;
        }
        stopProcess();
        endOrphan();
        Files.deleteIfExists(socket);
        process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        writePid(process.pid());
        long deadline = System.nanoTime() + START_TIMEOUT_MS * 1_000_000;
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("mpv exited at start with code " + process.exitValue());
            }
            if (Files.exists(socket)) {
                try {
                    return connect();
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("mpv did not open its IPC socket " + socket);
            }
            sleep(20);
        }
    }

    private MpvSession connect() throws IOException {
        MpvSession fresh = new MpvSession(now);
        Runnable closed = onClosed;
        MpvIpc ipc = MpvIpc.connect(socket, ev -> {
            fresh.onEvent(ev);
            if (ev == MpvIpc.CLOSED) {
                closed.run();
            }
        });
        fresh.attach(ipc);
        session = fresh;
        stopReason = null;
        LOG.info("mpv started (pid " + process.pid() + ")");
        return fresh;
    }

    /** Why mpv is gone, for the record of what it was playing. */
    synchronized String exitDescription() {
        if (stopReason != null) {
            return stopReason;
        }
        if (process == null) {
            return "mpv was not running";
        }
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                return "mpv exited with code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "mpv closed its IPC connection";
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Ends mpv at once on purpose; what it was playing is recorded with this reason. */
    public synchronized void restart(String reason) {
        stopReason = reason;
        kill();
    }

    /** The running session, or null: for commands that must not start mpv. */
    synchronized MpvSession running() {
        return isRunning() ? session : null;
    }

    /** Ends a hung mpv at once (SIGKILL); the next {@link #session()} starts a new one. */
    synchronized void kill() {
        if (process != null) {
            LOG.warning("killing mpv (pid " + process.pid() + ")");
            process.destroyForcibly();
        }
        stopProcess();
    }

    private void stopProcess() {
        session = null;
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * An mpv left running by an agent that died without its shutdown (kill -9, halt on a dead thread, outside
     * systemd's cgroup) would hold the sound card and the socket: it is ended before a new one starts. Only
     * a process whose command line names this agent's socket is touched, never a pid reused by another program.
     */
    private void endOrphan() {
        Path pidFile = pidFile();
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(h -> h.info().commandLine().map(c -> c.contains("--input-ipc-server=" + socket)).orElse(false))
                    .ifPresent(orphan -> {
                        LOG.warning("ending mpv pid " + pid + " left running by an earlier agent");
                        orphan.destroyForcibly();
                        orphan.onExit().completeOnTimeout(orphan, 2, TimeUnit.SECONDS).join();
                    });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            LOG.warning("cannot check for an mpv left by an earlier agent: " + e);
        }
    }

    private void writePid(long pid) {
        try {
            Files.writeString(pidFile(), Long.toString(pid));
        } catch (IOException e) {
            LOG.warning("cannot note mpv's pid: " + e);   // only the clean-up after a crash needs it
        }
    }

    private Path pidFile() {
        return socket.resolveSibling("mpv.pid");
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting mpv", e);
        }
    }

    @Override
    public synchronized void close() {
        stopProcess();
    }
}
