package vn.bantin.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What ffmpeg and ffprobe may do with an uploaded file: read that one local file with a media demuxer, never
 * follow a playlist or concat list to other files or URLs (HLS, ffconcat, SDP...). Every probe and decode of an
 * upload passes {@link #OPTIONS}; text playlists are refused before any process starts, with their own message.
 */
final class InputGuard {

    /** Containers and still-picture demuxers that read only their own bytes; no hls, concat, sdp, rtsp, data. */
    private static final String DEMUXERS = String.join(",", "mov", "matroska", "webm", "mp3", "wav", "w64", "aiff",
            "ogg", "flac", "aac", "ac3", "eac3", "amr", "avi", "mpegts", "mpeg", "flv", "asf", "nut", "h264", "hevc",
            "m4v", "image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "gif", "gif_pipe", "tiff_pipe",
            "s16le", "f32le");

    /** Input options for ffmpeg/ffprobe before the upload's {@code -i}. */
    static final List<String> OPTIONS = List.of("-protocol_whitelist", "file", "-format_whitelist", DEMUXERS);

    /** Input options for a live microphone: the browser's WebM (MediaRecorder) on stdin, read as nothing else. */
    static final List<String> LIVE_WEBM = List.of("-protocol_whitelist", "pipe", "-format_whitelist", "matroska,webm",
            "-f", "matroska");

    private static final List<String> PLAYLIST_HEADS = List.of("#extm3u", "ffconcat", "file ", "file'", "v=0",
            "[playlist]", "<?xml", "<smil", "<asx", "#extinf");

    private InputGuard() {
    }

    /** Refuses a file that starts like a playlist, concat list or session description. */
    static void refusePlaylist(Path file) throws MediaRejected {
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading()
                .toLowerCase(Locale.ROOT);
        for (String playlist : PLAYLIST_HEADS) {
            if (text.startsWith(playlist)) {
                throw new MediaRejected(MediaRejected.Reason.UNREADABLE, "Tệp là danh sách phát hoặc danh sách tham"
                        + " chiếu tới tệp/địa chỉ khác (HLS, ffconcat...), không nhận / The file is a playlist or a list"
                        + " pointing at other files or URLs (HLS, ffconcat...): refused");
            }
        }
    }
}
