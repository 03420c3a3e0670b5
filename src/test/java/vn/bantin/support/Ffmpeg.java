package vn.bantin.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes real media files for tests with the real ffmpeg. */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    public static Path tone(Path dir, String name, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        run("-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds, "-ac", "1", "-ar", "48000",
                out.toString());
        return out;
    }

    /** A 20 ms 1 kHz click at the start of every second: a live stand-in whose instants are easy to tell apart. */
    public static Path clicks(Path dir, String name, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        run("-f", "lavfi", "-i", "aevalsrc='if(lt(mod(t\\,1)\\,0.02)\\,sin(2*PI*1000*t)\\,0)':s=48000:d=" + seconds,
                out.toString());
        return out;
    }

    public static Path video(Path dir, String name, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        run("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=" + seconds, "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-movflags", "+faststart", out.toString());
        return out;
    }

    public static void run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ffmpeg failed: " + cmd + "\n" + out);
        }
    }
}
