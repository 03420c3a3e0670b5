package vn.bantin.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs one ffmpeg command with {@code -progress pipe:1} and turns ffmpeg's own out_time into a percentage of
 * the expected output length. Interrupting the calling thread kills ffmpeg (controller shutdown, cancelled job).
 * Returns ffmpeg's stderr, where filters such as loudnorm print their measurements.
 */
final class FfmpegCommand {

    private static final Logger log = LoggerFactory.getLogger(FfmpegCommand.class);
    private static final int MAX_STDERR = 64 * 1024;

    private final Path ffmpeg;

    FfmpegCommand(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** Runs ffmpeg with args; expectedMs (0 if unknown) scales progress; throws with ffmpeg's error text. */
    String run(List<String> args, long expectedMs, IntConsumer percent, Duration timeout) throws RenditionFailed {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-nostats",
                "-progress", "pipe:1", "-y"));
        // the one input of every command is an accepted upload: the same guard as when it was probed
        cmd.addAll(InputGuard.OPTIONS);
        cmd.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg could not be started: " + ffmpeg, e);
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errDrain = drain(process.getErrorStream(), stderr);
        Thread progress = new Thread(() -> readProgress(process.getInputStream(), expectedMs, percent),
                "ffmpeg-progress");
        progress.setDaemon(true);
        progress.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new RenditionFailed("ffmpeg chạy quá " + timeout.toMinutes() + " phút / ffmpeg ran longer than "
                        + timeout.toMinutes() + " min");
            }
            errDrain.join(5000);
            progress.join(5000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RenditionFailed("Bị dừng khi máy chủ tắt / Stopped by controller shutdown");
        }
        String err;
        synchronized (stderr) {
            err = stderr.toString(StandardCharsets.UTF_8);
        }
        if (process.exitValue() != 0) {
            log.info("ffmpeg failed (exit {}): {} -> {}", process.exitValue(), cmd, err);
            throw new RenditionFailed("ffmpeg lỗi / ffmpeg failed: " + lastLine(err));
        }
        return err;
    }

    private static void readProgress(InputStream in, long expectedMs, IntConsumer percent) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("out_time_us=") && expectedMs > 0) {
                    try {
                        long us = Long.parseLong(line.substring(12).strip());
                        percent.accept((int) Math.max(0, Math.min(99, us / 10 / expectedMs)));
                    } catch (NumberFormatException e) {
                        // "N/A" before the first frame
                    }
                } else if (line.equals("progress=end")) {
                    percent.accept(100);
                }
            }
        } catch (IOException e) {
            log.debug("ffmpeg progress stream closed", e);
        }
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream kept) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (kept) {
                        if (kept.size() < MAX_STDERR) {
                            kept.write(buf, 0, n);
                        }
                    }
                }
            } catch (IOException e) {
                log.debug("ffmpeg stderr closed", e);
            }
        }, "ffmpeg-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
