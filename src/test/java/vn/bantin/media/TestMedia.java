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

    /** A solid-colour H.264 clip of any size and rate, quick to make even at 4K. */
    static Path clip(Path dir, String name, int width, int height, int fps, double seconds, boolean withAudio) {
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i",
                "color=c=0xE0E0E0:s=" + width + "x" + height + ":r=" + fps + ":d=" + seconds));
        if (withAudio) {
            args.addAll(List.of("-f", "lavfi", "-i", "sine=f=440:d=" + seconds, "-c:a", "aac"));
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        return ffmpeg(dir.resolve(name), args.toArray(String[]::new));
    }

    /** A 400x300 PNG, half-transparent red: RGBA. */
    static Path pngWithAlpha(Path dir, String name) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "color=c=red@0.5:s=400x300,format=rgba",
                "-frames:v", "1");
    }

    /** A 200x100 red CMYK JPEG as Photoshop writes them: Adobe APP14 marker, inverted CMYK samples. */
    static Path cmykJpeg(Path dir, String name) {
        java.awt.image.WritableRaster r = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 200, 100, 4, null);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                r.setPixel(x, y, new int[] {255, 0, 0, 255});
            }
        }
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            try (javax.imageio.stream.ImageOutputStream out = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new javax.imageio.IIOImage(r, null, null), writer.getDefaultWriteParam());
            }
            byte[] jpeg = bytes.toByteArray();
            byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(jpeg, 0, 2);
            out.write(adobe);
            out.write(jpeg, 2, jpeg.length - 2);
            return Files.write(dir.resolve(name), out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Six channels (5.1) of speech-like tone. */
    static Path sixChannel(Path dir, String name, int seconds) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "sine=f=330:d=" + seconds, "-af",
                "pan=5.1|FL=c0|FR=c0|FC=c0|LFE=c0|BL=c0|BR=c0,volume=-12dB", "-c:a", "pcm_s16le");
    }

    static Path silence(Path dir, String name, int seconds) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "anullsrc=cl=mono:r=44100", "-t",
                String.valueOf(seconds));
    }

    /** A tone driven 20 dB into full scale: flat-topped, peaks at 0 dBFS. */
    static Path clippedLoud(Path dir, String name, int seconds) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "sine=f=440:d=" + seconds, "-af",
                "volume=20dB", "-c:a", "pcm_s16le");
    }

    /** A 640×480 (4:3) clip whose sound is a clipping square-ish tone 20 dB too hot, in AAC (peaks above 0 dBFS). */
    static Path clippingClip(Path dir, String name, int seconds) {
        return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "testsrc2=s=640x480:r=25:d=" + seconds,
                "-f", "lavfi", "-i", "sine=f=440:d=" + seconds, "-af", "volume=20dB", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k");
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
