package vn.bantin.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes small real media files with ffmpeg, so no binaries are committed as fixtures. */
final class TestMedia {

    private TestMedia() {
    }

    /** 320x240 H.264 + AAC, 25 fps; faststart puts the moov atom before the media data. */
    static Path mp4(Path dir, String name, int seconds, boolean faststart) {
        List<String> args = new ArrayList<>(List.of(
                "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=f=440:d=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k"));
        if (faststart) {
            args.addAll(List.of("-movflags", "+faststart"));
        }
        return ffmpeg(dir.resolve(name), args.toArray(String[]::new));
    }

    static Path png(Path dir, String name) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "testsrc2=s=640x360", "-frames:v", "1");
    }

    static Path animatedGif(Path dir, String name) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "testsrc2=s=64x64:r=10:d=1");
    }

    static Path mp3(Path dir, String name, int seconds) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "sine=f=440:d=" + seconds,
                "-ac", "1", "-ar", "44100", "-c:a", "libmp3lame", "-b:a", "64k");
    }

    /** An MP3 with a cover picture: still AUDIO. */
    static Path mp3WithCover(Path dir, String name) {
        Path cover = png(dir, "cover-for-" + name + ".png");
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "sine=d=2", "-i", cover.toString(),
                "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "png", "-disposition:v", "attached_pic");
    }

    static Path wav(Path dir, String name, int seconds) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "sine=f=300:d=" + seconds, "-ac", "2", "-ar", "48000");
    }

    static Path emptyWav(Path dir, String name) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "anullsrc", "-t", "0");
    }

    /** Copies the first half of source's bytes: what a broken upload leaves. */
    static Path firstHalf(Path source, Path target) {
        try {
            byte[] all = Files.readAllBytes(source);
            return Files.write(target, Arrays.copyOf(all, all.length / 2));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path text(Path dir, String name) {
        try {
            return Files.writeString(dir.resolve(name), "Xin chào, đây không phải âm thanh.\nDòng hai.\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path ffmpeg(Path output, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(output.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log;
            try (InputStream in = p.getInputStream()) {
                log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + cmd + "\n" + log);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
