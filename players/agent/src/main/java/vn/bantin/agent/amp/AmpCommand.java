package vn.bantin.agent.amp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One configured amplifier command: an argument list run without a shell, its output kept in a file (no pipe
 * a hung child could hold open), killed with its children when it overruns its timeout or is cut short.
 */
final class AmpCommand {

    private static final int DETAIL_CHARS = 200;

    private final List<String> argv;
    private final Duration timeout;
    private final Path output;
    private Process running;
    private boolean cut;

    AmpCommand(List<String> argv, Duration timeout, Path output) {
        this.argv = List.copyOf(argv);
        this.timeout = timeout;
        this.output = output;
    }

    /** Runs it to its end; throws with the reason (exit code and output, timeout, or cut short). */
    void run() throws IOException, InterruptedException {
        Process p;
        synchronized (this) {
            cut = false;
            p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            running = p;
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new IOException(argv.get(0) + " did not finish within " + timeout.toMillis() + " ms; killed");
            }
            if (wasCut()) {
                throw new IOException(argv.get(0) + " was stopped for an emergency alert");
            }
            if (p.exitValue() != 0) {
                throw new IOException(argv.get(0) + " exited with code " + p.exitValue() + outputTail());
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        } finally {
            synchronized (this) {
                running = null;
            }
        }
    }

    /** Kills it if it runs now (from another thread); its {@link #run} ends with "stopped". */
    synchronized boolean cutShort() {
        if (running == null) {
            return false;
        }
        cut = true;
        kill(running);
        return true;
    }

    private synchronized boolean wasCut() {
        return cut;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private String outputTail() {
        try {
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "";
            }
            return ": " + (text.length() > DETAIL_CHARS ? text.substring(text.length() - DETAIL_CHARS) : text);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
