package vn.bantin.media;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("ffmpeg/ffprobe on an upload read only that file: no playlist may reach other files or URLs")
class InputGuardTest {

    @TempDir
    Path dir;
    private HttpServer server;
    private final AtomicInteger fetched = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            fetched.incrementAndGet();
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Path playlist(String head) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/segment.ts";
        return Files.writeString(dir.resolve("bulletin.mp3"), head + "#EXTM3U\n#EXT-X-TARGETDURATION:10\n"
                + "#EXTINF:10,\n" + url + "\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n", StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("control: unguarded ffmpeg plays another stored file through an HLS playlist; guarded it opens nothing")
    void formatWhitelistStopsHls() throws Exception {
        Path secret = dir.resolve("another-communes-draft.ts");
        run(List.of("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=500:duration=3", "-c:a", "mp2",
                secret.toString()));
        Path hls = Files.writeString(dir.resolve("bulletin.mp3"), "#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\n"
                + secret + "\n#EXTINF:3,\nhttp://127.0.0.1:" + server.getAddress().getPort() + "/x.ts\n#EXT-X-ENDLIST\n",
                StandardCharsets.UTF_8);
        Path concat = Files.writeString(dir.resolve("notice.wav"), "ffconcat version 1.0\nfile " + secret.getFileName()
                + "\n", StandardCharsets.UTF_8);

        for (Path list : List.of(hls, concat)) {
            List<String> decode = List.of("-i", list.toString(), "-f", "null", "-");
            assertThat(run(ffmpeg(List.of(), decode))).as("the attack is real without the guard: " + list.getFileName()
                    + " decodes the other file").isZero();
            assertThat(run(ffmpeg(InputGuard.OPTIONS, decode))).as(list.getFileName() + " guarded").isNotZero();
        }
        assertThat(fetched.get()).as("nothing fetched with the guard").isZero();
    }

    private static List<String> ffmpeg(List<String> inputOptions, List<String> rest) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
        cmd.addAll(inputOptions);
        cmd.addAll(rest);
        return cmd;
    }

    @Test
    @DisplayName("playlists, concat lists and session descriptions are refused before any process starts")
    void playlistsRefusedByTheirHead() throws Exception {
        for (String text : List.of("#EXTM3U\nfile:///etc/passwd\n", "\uFEFF  #extm3u\n", "ffconcat version 1.0\nfile a.mp4\n",
                "file '/etc/passwd'\n", "v=0\no=- 0 0 IN IP4 127.0.0.1\n", "[playlist]\nFile1=http://x/\n")) {
            Path f = Files.writeString(dir.resolve("x.wav"), text, StandardCharsets.UTF_8);
            assertThatThrownBy(() -> InputGuard.refusePlaylist(f)).isInstanceOf(MediaRejected.class)
                    .hasMessageContaining("HLS, ffconcat");
        }
        Path wav = Files.write(dir.resolve("real.wav"), "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII));
        InputGuard.refusePlaylist(wav);
        assertThatThrownBy(() -> new MediaProbe().probe(playlist(""))).isInstanceOf(MediaRejected.class)
                .hasMessageContaining("HLS");
        assertThat(fetched.get()).isZero();
    }

    /** The command's exit code, or null if it hung. */
    private static Integer run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue();
    }
}
