package vn.bantin.media;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.StreamType;
import com.github.kokorin.jaffree.ffprobe.FFprobe;
import com.github.kokorin.jaffree.ffprobe.FFprobeResult;
import com.github.kokorin.jaffree.ffprobe.Stream;
import com.github.kokorin.jaffree.process.JaffreeAbnormalExitException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.domain.AssetKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells what a file is from its streams (never from its name) with ffprobe, then has ffmpeg decode it
 * (see {@link DecodeCheck}) so a damaged or truncated upload is refused. Blocking: call it on a worker thread.
 */
public final class MediaProbe {

    private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);

    /** Codecs whose single-frame files are still pictures (infographics). */
    private static final Set<String> IMAGE_CODECS = Set.of("png", "mjpeg", "jpegls", "webp", "bmp", "gif", "tiff");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final Path binDir;
    private final DecodeCheck decodeCheck;

    /** ffprobe and ffmpeg from the PATH. */
    public MediaProbe() {
        this(null);
    }

    /** ffprobe and ffmpeg from binDir; null means the PATH. */
    public MediaProbe(Path binDir) {
        this.binDir = binDir;
        this.decodeCheck = new DecodeCheck(binDir == null ? Path.of("ffmpeg") : binDir.resolve("ffmpeg"));
    }

    /** Probes and decode-checks file; throws with a message for staff if it is not playable media. */
    public ProbeResult probe(Path file) throws MediaRejected {
        if (sizeOf(file) == 0) {
            throw MediaRejected.empty();
        }
        InputGuard.refusePlaylist(file);
        FFprobe guarded = ffprobe().setShowStreams(true).setShowFormat(true).setInput(file);
        for (int i = 0; i < InputGuard.OPTIONS.size(); i += 2) {
            guarded.addArguments(InputGuard.OPTIONS.get(i), InputGuard.OPTIONS.get(i + 1));
        }
        FFprobeResult result = run(guarded);
        ProbeResult probe = classify(file, result);
        decodeCheck.verify(file, probe);
        return probe;
    }

    /**
     * Facts about a file the controller made itself (a rendition), whose encode ffmpeg finished with exit 0:
     * one plain ffprobe of the container and streams, no decode check and no packet count. ffmpeg's exit status
     * already says the whole input was encoded and the muxer wrote its trailer; a damaged upload is what
     * {@link #probe} guards against, and it still runs on every upload. kind is what the caller asked ffmpeg
     * to produce. Throws if the file has no stream of that kind or (audio, video) no duration.
     */
    public ProbeResult inspectOwn(Path file, AssetKind kind) throws MediaRejected {
        if (sizeOf(file) == 0) {
            throw MediaRejected.empty();
        }
        if (kind == AssetKind.IMAGE) {
            ProbeResult png = ownPng(file);
            if (png != null) {
                return png;
            }
        }
        String ffprobe = binDir == null ? "ffprobe" : binDir.resolve("ffprobe").toString();
        List<String> cmd = List.of(ffprobe, "-v", "error", "-show_entries",
                "format=format_name,duration:stream=codec_type,codec_name,width,height,channels,sample_rate"
                        + ":stream_disposition=attached_pic", "-of", "json", file.toString());
        String text;
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw MediaRejected.timeout();
            }
            if (p.exitValue() != 0) {
                throw MediaRejected.unreadable();
            }
        } catch (IOException e) {
            throw new IllegalStateException("ffprobe could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MediaRejected.timeout();
        }
        JsonObject json = new JsonObject(text);
        JsonArray streams = json.getJsonArray("streams", new JsonArray());
        JsonObject format = json.getJsonObject("format", new JsonObject());
        JsonObject video = null;
        JsonObject audio = null;
        for (int i = 0; i < streams.size(); i++) {
            JsonObject s = streams.getJsonObject(i);
            JsonObject d = s.getJsonObject("disposition");
            boolean cover = d != null && Integer.valueOf(1).equals(d.getInteger("attached_pic"));
            if (video == null && "video".equals(s.getString("codec_type")) && !cover) {
                video = s;
            } else if (audio == null && "audio".equals(s.getString("codec_type"))) {
                audio = s;
            }
        }
        if (kind == AssetKind.AUDIO ? audio == null : video == null) {
            throw MediaRejected.noMedia();
        }
        long durationMs = 0;
        if (kind != AssetKind.IMAGE) {
            durationMs = Math.round(parseSeconds(format.getString("duration")) * 1000);
            if (durationMs <= 0) {
                throw MediaRejected.zeroDuration();
            }
        }
        return new ProbeResult(kind, durationMs, format.getString("format_name"),
                video == null ? null : video.getString("codec_name"),
                audio == null ? null : audio.getString("codec_name"),
                video == null ? 0 : video.getInteger("width", 0), video == null ? 0 : video.getInteger("height", 0),
                audio == null ? 0 : audio.getInteger("channels", 0),
                audio == null ? 0 : (int) parseSeconds(audio.getString("sample_rate")));
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    /**
     * A PNG our own ffmpeg wrote, read without a process (ffprobe's start-up alone costs as much as a small
     * picture's encode): the signature, the IHDR chunk's geometry, and the IEND chunk closing the file, so a
     * short write shows (refused as corrupt). Null if the file is not a PNG at all (then ffprobe looks at it).
     */
    private static ProbeResult ownPng(Path file) throws MediaRejected {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
            long size = ch.size();
            if (size < 8 + 25 + 12) {
                return null;
            }
            java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(24);
            while (head.hasRemaining() && ch.read(head) > 0) {
                // fill
            }
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(12);
            ch.position(size - 12);
            while (tail.hasRemaining() && ch.read(tail) > 0) {
                // fill
            }
            byte[] h = head.array();
            if (!java.util.Arrays.equals(h, 0, 8, PNG_SIGNATURE, 0, 8)) {
                return null;
            }
            int width = head.getInt(16);
            int height = head.getInt(20);
            if (h[12] != 'I' || h[13] != 'H' || h[14] != 'D' || h[15] != 'R'
                    || !java.util.Arrays.equals(tail.array(), PNG_IEND) || width <= 0 || height <= 0) {
                throw MediaRejected.corrupt();
            }
            return new ProbeResult(AssetKind.IMAGE, 0, "png_pipe", "png", null, width, height, 0, 0);
        } catch (IOException e) {
            return null;
        }
    }

    private static double parseSeconds(String v) {
        try {
            return v == null ? 0 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ProbeResult classify(Path file, FFprobeResult result) throws MediaRejected {
        List<Stream> streams = result.getStreams() == null ? List.of() : result.getStreams();
        Stream video = streams.stream().filter(MediaProbe::isMovingOrStillPicture).findFirst().orElse(null);
        Stream audio = streams.stream().filter(s -> s.getCodecType() == StreamType.AUDIO).findFirst().orElse(null);
        if (video == null && audio == null) {
            throw MediaRejected.noMedia();
        }
        AssetKind kind;
        if (video == null) {
            kind = AssetKind.AUDIO;
        } else if (audio == null && IMAGE_CODECS.contains(video.getCodecName()) && isSingleFrame(file)) {
            kind = AssetKind.IMAGE;
        } else {
            kind = AssetKind.VIDEO;
        }
        long durationMs = kind == AssetKind.IMAGE ? 0 : durationMs(result, video, audio);
        if (kind != AssetKind.IMAGE && durationMs <= 0) {
            throw MediaRejected.zeroDuration();
        }
        String container = result.getFormat() == null ? null : result.getFormat().getFormatName();
        return new ProbeResult(kind, durationMs, container,
                video == null ? null : video.getCodecName(),
                audio == null ? null : audio.getCodecName(),
                video == null ? 0 : orZero(video.getWidth()),
                video == null ? 0 : orZero(video.getHeight()),
                audio == null ? 0 : orZero(audio.getChannels()),
                audio == null ? 0 : orZero(audio.getSampleRate()));
    }

    /** A video stream that is not just cover art attached to an audio file. */
    private static boolean isMovingOrStillPicture(Stream s) {
        return s.getCodecType() == StreamType.VIDEO
                && (s.getDisposition() == null || !Boolean.TRUE.equals(s.getDisposition().getAttachedPic()));
    }

    /** Reads at most two packets of the first video stream: one means a still picture. */
    private boolean isSingleFrame(Path file) throws MediaRejected {
        FFprobeResult counted = run(ffprobe().setSelectStreams("v:0").setReadIntervals("%+#2")
                .setCountPackets(true).setShowStreams(true).setInput(file));
        List<Stream> streams = counted.getStreams();
        return streams != null && !streams.isEmpty() && Integer.valueOf(1).equals(streams.get(0).getNbReadPackets());
    }

    private static long durationMs(FFprobeResult result, Stream video, Stream audio) {
        Double seconds = result.getFormat() == null ? null : result.getFormat().getProbeData().getDouble("duration");
        if (seconds == null || seconds <= 0) {
            seconds = Math.max(streamSeconds(video), streamSeconds(audio));
        }
        return Math.round(seconds * 1000);
    }

    private static double streamSeconds(Stream s) {
        Double d = s == null ? null : s.getProbeData().getDouble("duration");
        return d == null ? 0 : d;
    }

    private FFprobe ffprobe() {
        FFprobe ffprobe = binDir == null ? FFprobe.atPath() : FFprobe.atPath(binDir);
        return ffprobe.setLogLevel(LogLevel.ERROR);
    }

    private static FFprobeResult run(FFprobe ffprobe) throws MediaRejected {
        Future<FFprobeResult> future = ffprobe.executeAsync();
        try {
            return future.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw MediaRejected.timeout();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JaffreeAbnormalExitException) {
                log.info("ffprobe refused the file: {}", e.getCause().getMessage());
                throw MediaRejected.unreadable();
            }
            throw new IllegalStateException("ffprobe could not be run", e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw MediaRejected.timeout();
        }
    }

    private static long sizeOf(Path file) throws MediaRejected {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw MediaRejected.unreadable();
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
