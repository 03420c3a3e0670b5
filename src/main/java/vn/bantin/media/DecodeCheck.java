package vn.bantin.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.domain.AssetKind;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a probed file with {@code ffmpeg -v error ... -f null -}. ffprobe trusts headers, so an MP4 with its
 * moov atom first or an MP3 with a Xing header still "probes" after losing its tail; decoding finds that out.
 * Short files are decoded whole and the decoded length is compared with the declared one; long files are
 * decoded only near the start and near the declared end, which must still hold media.
 */
final class DecodeCheck {

    private static final Logger log = LoggerFactory.getLogger(DecodeCheck.class);

    static final long WHOLE_FILE_LIMIT_MS = 60_000;
    private static final double WINDOW_SECONDS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_CAPTURE = 8192;

    private final Path ffmpeg;

    DecodeCheck(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    void verify(Path file, ProbeResult probe) throws MediaRejected {
        if (probe.kind() == AssetKind.IMAGE) {
            Decoded whole = decode(file, null, null);
            if (whole.frames() < 1) {
                throw MediaRejected.corrupt();
            }
        } else if (probe.durationMs() <= WHOLE_FILE_LIMIT_MS) {
            Decoded whole = decode(file, null, null);
            long shortfall = probe.durationMs() - whole.outTimeMs();
            if (shortfall > Math.max(500, probe.durationMs() / 10)) {
                throw MediaRejected.truncated(whole.outTimeMs(), probe.durationMs());
            }
        } else {
            decode(file, null, WINDOW_SECONDS);
            double tailStart = probe.durationMs() / 1000.0 - WINDOW_SECONDS;
            Decoded tail = decode(file, tailStart, WINDOW_SECONDS);
            if (tail.outTimeMs() <= 0) {
                throw MediaRejected.truncated(Math.round(tailStart * 1000), probe.durationMs());
            }
        }
    }

    /** What ffmpeg reported through -progress; any error-level log line rejects the file. */
    private record Decoded(long outTimeMs, long frames) {
    }

    private Decoded decode(Path file, Double startSeconds, Double lengthSeconds) throws MediaRejected {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-v", "error",
                "-nostats", "-progress", "pipe:1"));
        if (startSeconds != null) {
            cmd.addAll(List.of("-ss", seconds(startSeconds)));
        }
        cmd.addAll(InputGuard.OPTIONS);
        cmd.addAll(List.of("-i", file.toString()));
        if (lengthSeconds != null) {
            cmd.addAll(List.of("-t", seconds(lengthSeconds)));
        }
        cmd.addAll(List.of("-f", "null", "-"));
        Process process = start(cmd);
        Capture out = new Capture(process.getInputStream());
        Capture err = new Capture(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw MediaRejected.timeout();
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw MediaRejected.timeout();
        }
        String errors = err.text().strip();
        if (process.exitValue() != 0 || !errors.isEmpty()) {
            log.info("ffmpeg decode of {} failed (exit {}): {}", file, process.exitValue(), errors);
            throw MediaRejected.corrupt();
        }
        return parse(out.text());
    }

    private static Decoded parse(String progress) {
        long outTimeUs = 0;
        long frames = 0;
        for (String line : progress.split("\n")) {
            String[] kv = line.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("out_time_us")) {
                outTimeUs = parseLong(kv[1], outTimeUs);
            } else if (kv.length == 2 && kv[0].equals("frame")) {
                frames = parseLong(kv[1], frames);
            }
        }
        return new Decoded(outTimeUs / 1000, frames);
    }

    private static long parseLong(String value, long fallback) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, s));
    }

    private static Process start(List<String> cmd) {
        try {
            return new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg could not be started: " + cmd.get(0), e);
        }
    }

    /** Drains a process stream on its own thread, keeping its last MAX_CAPTURE bytes (the final progress). */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;

        Capture(InputStream in) {
            thread = new Thread(() -> drain(in), "ffmpeg-capture");
            thread.setDaemon(true);
            thread.start();
        }

        private void drain(InputStream in) {
            byte[] buf = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (kept) {
                        kept.write(buf, 0, n);
                        if (kept.size() > 2 * MAX_CAPTURE) {
                            byte[] all = kept.toByteArray();
                            kept.reset();
                            kept.write(all, all.length - MAX_CAPTURE, MAX_CAPTURE);
                        }
                    }
                }
            } catch (IOException e) {
                log.debug("ffmpeg stream closed early", e);
            }
        }

        void join() throws InterruptedException {
            thread.join(TIMEOUT.toMillis());
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
