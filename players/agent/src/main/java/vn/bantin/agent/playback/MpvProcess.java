package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** One long-running idle mpv with a JSON IPC socket, started again whenever it has died. */
public final class MpvProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MpvProcess.class.getName());
    private static final long START_TIMEOUT_MS = 10_000;

    private final List<String> command = new ArrayList<>();
    private final Path socket;
    private Process process;
    private MpvIpc ipc;

    public MpvProcess(String mpvPath, List<String> extraArgs, Path socket) {
        this.socket = socket;
        command.add(mpvPath);
        command.add("--idle=yes");
        command.add("--input-ipc-server=" + socket);
        command.add("--no-terminal");
        command.addAll(extraArgs);
    }

    /** A live connection, starting mpv first if it is not running. */
    public synchronized MpvIpc ipc() throws IOException {
        if (process != null && process.isAlive() && ipc != null && ipc.isOpen()) {
            return ipc;
        }
        stopProcess();
        Files.deleteIfExists(socket);
        process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("mpv exited at start with code " + process.exitValue());
            }
            if (Files.exists(socket)) {
                try {
                    ipc = MpvIpc.connect(socket);
                    LOG.info("mpv started (pid " + process.pid() + ")");
                    return ipc;
                } catch (IOException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("mpv did not open its IPC socket " + socket);
            }
            sleep(50);
        }
    }

    private void stopProcess() {
        if (ipc != null) {
            try {
                ipc.close();
            } catch (IOException ignored) {
                // the process is ended below either way
            }
            ipc = null;
        }
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
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
