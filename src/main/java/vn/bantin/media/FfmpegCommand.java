package vn.bantin.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.bantin.process.ExternalProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs one ffmpeg command with {@code -progress pipe:1} and turns ffmpeg's own out_time into a percentage of
 * the expected output length. Interrupting the calling thread kills ffmpeg (controller shutdown, cancelled job).
 * Returns the tail of ffmpeg's stderr, where filters such as loudnorm print their measurements.
 */
final class FfmpegCommand {

    private static final Logger log = LoggerFactory.getLogger(FfmpegCommand.class);
    private static final int MAX_STDERR = 64 * 1024;

    private final Path ffmpeg;
    private final int niceness;

    FfmpegCommand(Path ffmpeg) {
        this(ffmpeg, 0);
    }

    /** niceness above 0: ffmpeg runs at that lower CPU priority (background work yields to urgent work). */
    FfmpegCommand(Path ffmpeg, int niceness) {
        this.ffmpeg = ffmpeg;
        this.niceness = niceness;
    }

    /** Runs ffmpeg with args; expectedMs (0 if unknown) scales progress; throws with ffmpeg's error text. */
    String run(List<String> args, long expectedMs, IntConsumer percent, Duration timeout) throws RenditionFailed {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-nostats",
                "-progress", "pipe:1", "-y"));
        // the one input of every command is an accepted upload: the same guard as when it was probed
        cmd.addAll(InputGuard.OPTIONS);
        cmd.addAll(args);
        ExternalProcess.Result result;
        try {
            result = ExternalProcess.of(cmd).niceness(niceness).timeout(timeout).keep(MAX_STDERR)
                    .onStdoutLine(line -> progress(line, expectedMs, percent)).run();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg could not be started: " + ffmpeg, e);
        } catch (ExternalProcess.TimedOut e) {
            throw new RenditionFailed("ffmpeg chạy quá " + minutes(timeout) + " phút nên đã bị dừng / ffmpeg ran"
                    + " longer than its budget of " + minutes(timeout) + " min and was stopped");
        } catch (InterruptedException e) {
            throw new RenditionFailed("Bị dừng khi máy chủ tắt / Stopped by controller shutdown");
        }
        if (!result.ok()) {
            log.info("ffmpeg failed (exit {}): {} -> {}", result.exitCode(), cmd, result.stderr());
            throw new RenditionFailed("ffmpeg lỗi / ffmpeg failed: " + lastLine(result.stderr()));
        }
        return result.stderr();
    }

    private static String minutes(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 60_000.0);
    }

    private static void progress(String line, long expectedMs, IntConsumer percent) {
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

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
