package vn.bantin.media;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.domain.AssetKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Tells what a file is from its streams (never from its name) with ffprobe, holds it to the {@link MediaLimits}
 * of its kind before anything heavy runs, then has ffmpeg decode it (see {@link DecodeCheck}): a damaged or
 * truncated upload is refused, and the duration kept is the decoded one, never a header's claim alone.
 * Blocking: call it on a worker thread.
 */
public final class MediaProbe {

    /** Codecs whose single-frame files are still pictures (infographics). */
    private static final Set<String> IMAGE_CODECS = Set.of("png", "mjpeg", "jpegls", "webp", "bmp", "gif", "tiff");
    /**
     * Below this many bits per second of claimed playing time a header's duration is not believed (a 929-byte
     * file "of 10 hours"): no codec we take goes that low, so the limit check waits for the decoded length.
     */
    private static final long MIN_BELIEVABLE_BITS_PER_SECOND = 2000;

    private final Ffprobe ffprobe;
    private final DecodeCheck decodeCheck;
    private final MediaLimits limits;

    /** ffprobe and ffmpeg from the PATH, default limits. */
    public MediaProbe() {
        this(null, MediaLimits.DEFAULTS);
    }

    /** ffprobe and ffmpeg from binDir; null means the PATH. */
    public MediaProbe(Path binDir) {
        this(binDir, MediaLimits.DEFAULTS);
    }

    public MediaProbe(Path binDir, MediaLimits limits) {
        this.ffprobe = new Ffprobe(binDir == null ? Path.of("ffprobe") : binDir.resolve("ffprobe"));
        this.decodeCheck = new DecodeCheck(binDir == null ? Path.of("ffmpeg") : binDir.resolve("ffmpeg"));
        this.limits = limits;
    }

    /**
     * Probes, limit-checks and decodes file; throws with a message for staff if it is not playable media or is
     * over a limit. The result's duration is what decoding found.
     */
    public ProbeResult probe(Path file) throws MediaRejected {
        long size = sizeOf(file);
        if (size == 0) {
            throw MediaRejected.empty();
        }
        InputGuard.refusePlaylist(file);
        Ffprobe.Answer answer = ffprobe.run(file, "-show_streams", "-show_format");
        ProbeResult header = classify(file, answer);
        boolean believed = header.kind() == AssetKind.IMAGE
                || size * 8 * 1000 / header.durationMs() >= MIN_BELIEVABLE_BITS_PER_SECOND;
        limits.checkHeader(header, size, believed);
        long decodedMs = decodeCheck.verify(file, header, believed, limits.maxDuration(header.kind()));
        if (header.kind() == AssetKind.IMAGE) {
            return header;
        }
        limits.checkDuration(header.kind(), decodedMs);
        if (!answer.durationEstimated()) {
            compareWithHeader(decodedMs, header.durationMs());
        }
        if (decodedMs <= 0) {
            throw MediaRejected.zeroDuration();
        }
        return header.withDuration(decodedMs);
    }

    /** A claimed length the content does not bear out is refused, naming both (ffmpeg's -t stops at limit + 1 s). */
    private static void compareWithHeader(long decodedMs, long claimedMs) throws MediaRejected {
        if (claimedMs - decodedMs > Math.max(500, claimedMs / 10)) {
            throw MediaRejected.truncated(decodedMs, claimedMs);
        }
        if (decodedMs - claimedMs > Math.max(1000, claimedMs / 10)) {
            throw MediaRejected.longerThanDeclared(decodedMs, claimedMs);
        }
    }

    /**
     * Facts about a file the controller made itself (a rendition), whose encode ffmpeg finished with exit 0:
     * one plain ffprobe of the container and streams, no decode check and no packet count. ffmpeg's exit status
     * already says the whole input was encoded and the muxer wrote its trailer; a damaged upload is what
     * {@link #probe} guards against, and it still runs on every upload. kind is what the caller asked ffmpeg
     * to produce. Throws if the file has no stream of that kind, (audio, video) no duration, or pixels that are
     * not square (a board would show it stretched).
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
        Ffprobe.Answer answer = ffprobe.run(file, "-show_entries",
                "format=format_name,duration:stream=codec_type,codec_name,width,height,channels,sample_rate,"
                        + "sample_aspect_ratio:stream_disposition=attached_pic");
        JsonObject video = firstPicture(answer.streams());
        JsonObject audio = first(answer.streams(), "audio");
        if (kind == AssetKind.AUDIO ? audio == null : video == null) {
            throw MediaRejected.noMedia();
        }
        String sar = video == null ? null : video.getString("sample_aspect_ratio");
        if (sar != null && !sar.equals("1:1") && !sar.equals("0:1") && !sar.equals("N/A")) {
            throw MediaRejected.nonSquarePixels(sar);
        }
        long durationMs = 0;
        if (kind != AssetKind.IMAGE) {
            durationMs = Math.round(Ffprobe.seconds(answer.format().getString("duration")) * 1000);
            if (durationMs <= 0) {
                throw MediaRejected.zeroDuration();
            }
        }
        return facts(kind, durationMs, answer, video, audio);
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

    private ProbeResult classify(Path file, Ffprobe.Answer answer) throws MediaRejected {
        JsonObject video = firstPicture(answer.streams());
        JsonObject audio = first(answer.streams(), "audio");
        if (video == null && audio == null) {
            throw MediaRejected.noMedia();
        }
        AssetKind kind;
        if (video == null) {
            kind = AssetKind.AUDIO;
        } else if (audio == null && IMAGE_CODECS.contains(video.getString("codec_name")) && isSingleFrame(file)) {
            kind = AssetKind.IMAGE;
        } else {
            kind = AssetKind.VIDEO;
        }
        long durationMs = kind == AssetKind.IMAGE ? 0 : claimedMs(answer.format(), video, audio);
        if (kind != AssetKind.IMAGE && durationMs <= 0) {
            throw MediaRejected.zeroDuration();
        }
        return facts(kind, durationMs, answer, video, audio);
    }

    private static ProbeResult facts(AssetKind kind, long durationMs, Ffprobe.Answer answer, JsonObject video,
                                     JsonObject audio) {
        return new ProbeResult(kind, durationMs, answer.format().getString("format_name"),
                video == null ? null : video.getString("codec_name"),
                audio == null ? null : audio.getString("codec_name"),
                video == null ? 0 : video.getInteger("width", 0), video == null ? 0 : video.getInteger("height", 0),
                audio == null ? 0 : audio.getInteger("channels", 0),
                audio == null ? 0 : (int) Ffprobe.seconds(audio.getString("sample_rate")));
    }

    /** The first video stream that is not just cover art attached to an audio file. */
    private static JsonObject firstPicture(JsonArray streams) {
        for (int i = 0; i < streams.size(); i++) {
            JsonObject s = streams.getJsonObject(i);
            if ("video".equals(s.getString("codec_type")) && !Ffprobe.isCover(s)) {
                return s;
            }
        }
        return null;
    }

    private static JsonObject first(JsonArray streams, String type) {
        for (int i = 0; i < streams.size(); i++) {
            if (type.equals(streams.getJsonObject(i).getString("codec_type"))) {
                return streams.getJsonObject(i);
            }
        }
        return null;
    }

    /** Reads at most two packets of the first video stream: one means a still picture. */
    private boolean isSingleFrame(Path file) throws MediaRejected {
        JsonArray streams = ffprobe.run(file, "-select_streams", "v:0", "-read_intervals", "%+#2",
                "-count_packets", "-show_entries", "stream=nb_read_packets").streams();
        return !streams.isEmpty() && "1".equals(String.valueOf(streams.getJsonObject(0).getValue("nb_read_packets")));
    }

    /** What the header says: the container's duration, else the longest stream's. */
    private static long claimedMs(JsonObject format, JsonObject video, JsonObject audio) {
        double seconds = Ffprobe.seconds(format.getString("duration"));
        if (seconds <= 0) {
            seconds = Math.max(video == null ? 0 : Ffprobe.seconds(video.getString("duration")),
                    audio == null ? 0 : Ffprobe.seconds(audio.getString("duration")));
        }
        return Math.round(seconds * 1000);
    }

    private static long sizeOf(Path file) throws MediaRejected {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw MediaRejected.unreadable();
        }
    }

}
