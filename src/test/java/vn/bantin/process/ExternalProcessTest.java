package vn.bantin.process;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalProcessTest {

    private static ExternalProcess sh(String script) {
        return ExternalProcess.of(List.of("sh", "-c", script));
    }

    @Test
    void aHangingProgramIsKilledWhenItsTimeoutFires() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> sh("sleep 60").timeout(Duration.ofMillis(300)).run())
                .isInstanceOfSatisfying(ExternalProcess.TimedOut.class, e ->
                        assertThat(gone(e.pid())).isTrue());
        // bounded by the timeout plus the kill, not by the program: far below its 60 s even on a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aProgramHangingWhileItHoldsItsOutputOpenIsKilledWithWhatItStarted() throws Exception {
        Path pidFile = java.nio.file.Files.createTempFile("child-", ".pid");
        // the shell starts a child that keeps stdout open, prints, then both wait forever
        assertThatThrownBy(() -> sh("sleep 120 & echo $! > " + pidFile + "; echo started; wait")
                .timeout(Duration.ofMillis(500)).run()).isInstanceOf(ExternalProcess.TimedOut.class);
        long child = Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
        assertThat(gone(child)).isTrue();
        java.nio.file.Files.deleteIfExists(pidFile);
    }

    @Test
    void megabytesOnBothStreamsDoNotDeadlockAndTheTailIsKept() throws Exception {
        ExternalProcess.Result r = sh("head -c 3000000 /dev/zero | tr '\\0' a; head -c 3000000 /dev/zero >&2;"
                + " echo; echo last-out; echo last-err >&2").keep(1024).timeout(Duration.ofSeconds(60)).run();
        assertThat(r.ok()).isTrue();
        assertThat(r.stdout()).hasSizeLessThanOrEqualTo(1024).endsWith("last-out\n");
        assertThat(r.stderr()).endsWith("last-err\n");
    }

    @Test
    void stdoutLinesArriveAsTheyArePrintedAndTheExitCodeIsKept() throws Exception {
        List<String> lines = new ArrayList<>();
        ExternalProcess.Result r = sh("echo one; echo two; printf three; exit 3").onStdoutLine(lines::add).run();
        assertThat(lines).containsExactly("one", "two", "three");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.ok()).isFalse();
    }

    @Test
    void stdinIsClosedSoAProgramReadingItEndsAtOnce() throws Exception {
        ExternalProcess.Result r = sh("cat; echo done").timeout(Duration.ofSeconds(30)).run();
        assertThat(r.stdout()).isEqualTo("done\n");
    }

    @Test
    void interruptingTheCallerKillsTheProgram() throws Exception {
        Path pidFile = java.nio.file.Files.createTempFile("self-", ".pid");
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = caller.submit(() -> {
                sh("echo $$ > " + pidFile + "; exec sleep 120").timeout(Duration.ofMinutes(5)).run();
                return null;
            });
            long pid = awaitPid(pidFile);
            running.cancel(true);
            caller.shutdown();
            assertThat(caller.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
            assertThat(gone(pid)).isTrue();
            assertThatThrownBy(running::get).isInstanceOfAny(java.util.concurrent.CancellationException.class,
                    ExecutionException.class);
        } finally {
            caller.shutdownNow();
            java.nio.file.Files.deleteIfExists(pidFile);
        }
    }

    @Test
    void aMissingProgramIsAnIoError() {
        assertThatThrownBy(() -> ExternalProcess.of(List.of("/nonexistent/ffmpeg")).run())
                .isInstanceOf(java.io.IOException.class);
    }

    /**
     * Whether pid is dead: no process, or a zombie (killed, waiting for a parent to reap it; in a container whose
     * first process does not reap, orphans stay zombies). Polls a little: SIGKILL is delivered asynchronously.
     */
    private static boolean gone(long pid) {
        try {
            return awaitGone(pid);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean awaitGone(long pid) throws java.io.IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (!java.nio.file.Files.exists(stat)) {
                return true;
            }
            String text = java.nio.file.Files.readString(stat);
            if (text.substring(text.lastIndexOf(')') + 2).startsWith("Z")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static long awaitPid(Path file) throws Exception {
        for (int i = 0; i < 400; i++) {
            String text = java.nio.file.Files.readString(file).strip();
            if (!text.isEmpty()) {
                return Long.parseLong(text);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the program never started");
    }
}
