package vn.bantin.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.domain.AssetKind;
import vn.bantin.process.ExternalProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a probed file with {@code ffmpeg -v error ... -f null -} and says how long it really plays. ffprobe
 * trusts headers: an MP4 with its moov atom first or an MP3 with a Xing header still "probes" after losing its
 * tail, and an Ogg page can claim ten hours for one second of sound. So:
 * <ul>
 * <li>audio is decoded whole, its length counted in samples (asetpts=N/SR/TB), not taken from timestamps;</li>
 * <li>a short video (header ≤ {@link #WHOLE_FILE_LIMIT_MS}) is decoded whole;</li>
 * <li>a longer video has its packets read to the end without decoding (cheap; the length is the packets'),
 *     then is decoded near the start and near that end, which must still hold media.</li>
 * </ul>
 * Every pass stops one second past the kind's duration limit, so a file that lies low cannot keep it busy.
 */
final class DecodeCheck {

    private static final Logger log = LoggerFactory.getLogger(DecodeCheck.class);

    static final long WHOLE_FILE_LIMIT_MS = 60_000;
    private static final double WINDOW_SECONDS = 3;
    /** A budget for one pass: a minute, plus a fiftieth of the longest playing time allowed. */
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(1);

    private final Path ffmpeg;

    DecodeCheck(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /** The decoded length in ms (0 for a picture); believed says whether the header's duration may steer the work. */
    long verify(Path file, ProbeResult probe, boolean believed, Duration maxDuration) throws MediaRejected {
        if (probe.kind() == AssetKind.IMAGE) {
            if (decode(file, List.of(), null, null, BASE_TIMEOUT).frames() < 1) {
                throw MediaRejected.corrupt();
            }
            return 0;
        }
        double stopAt = maxDuration.toMillis() / 1000.0 + 1;
        Duration timeout = BASE_TIMEOUT.plus(maxDuration.dividedBy(50));
        if (probe.kind() == AssetKind.AUDIO) {
            return decode(file, List.of("-map", "0:a:0", "-af", "asetpts=N/SR/TB"), null, stopAt, timeout)
                    .outTimeMs();
        }
        if (believed && probe.durationMs() <= WHOLE_FILE_LIMIT_MS) {
            return decode(file, List.of(), null, stopAt, timeout).outTimeMs();
        }
        long packetsMs = decode(file, List.of("-map", "0:v:0", "-c", "copy"), null, stopAt, timeout).outTimeMs();
        decode(file, List.of(), null, WINDOW_SECONDS, BASE_TIMEOUT);
        double tailStart = packetsMs / 1000.0 - WINDOW_SECONDS;
        if (decode(file, List.of(), tailStart, WINDOW_SECONDS, BASE_TIMEOUT).outTimeMs() <= 0) {
            throw MediaRejected.truncated(Math.round(Math.max(0, tailStart) * 1000), probe.durationMs());
        }
        return packetsMs;
    }

    /** What ffmpeg reported through -progress; any error-level log line rejects the file. */
    private record Decoded(long outTimeMs, long frames) {
    }

    private Decoded decode(Path file, List<String> outputArgs, Double startSeconds, Double lengthSeconds,
                           Duration timeout) throws MediaRejected {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-v", "error",
                "-nostats", "-progress", "pipe:1"));
        if (startSeconds != null) {
            cmd.addAll(List.of("-ss", seconds(startSeconds)));
        }
        cmd.addAll(InputGuard.OPTIONS);
        cmd.addAll(List.of("-i", file.toString()));
        cmd.addAll(outputArgs);
        if (lengthSeconds != null) {
            cmd.addAll(List.of("-t", seconds(lengthSeconds)));
        }
        cmd.addAll(List.of("-f", "null", "-"));
        ExternalProcess.Result r;
        try {
            r = ExternalProcess.of(cmd).timeout(timeout).keep(8192).run();
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg could not be started: " + ffmpeg, e);
        } catch (ExternalProcess.TimedOut | InterruptedException e) {
            throw MediaRejected.timeout();
        }
        String errors = r.stderr().strip();
        if (!r.ok() || !errors.isEmpty()) {
            log.info("ffmpeg decode of {} failed (exit {}): {}", file, r.exitCode(), errors);
            throw MediaRejected.corrupt();
        }
        return parse(r.stdout());
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
}
