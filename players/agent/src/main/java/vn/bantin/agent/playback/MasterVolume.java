package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;

/**
 * The endpoint's master volume in percent (the remote volume command sets it; 100 by default): every
 * entry plays at its own volume scaled by it. Kept across restarts.
 */
public final class MasterVolume {

    private static final Logger LOG = Logger.getLogger(MasterVolume.class.getName());

    private final Path file;
    private volatile int percent = 100;

    public MasterVolume(Path stateDir) {
        this.file = stateDir.resolve("master-volume");
        try {
            if (Files.exists(file)) {
                percent = clamp(Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warning("master volume unreadable, using 100: " + e.getMessage());
        }
    }

    public int percent() {
        return percent;
    }

    public void set(int newPercent) throws IOException {
        int p = clamp(newPercent);
        AtomicFiles.write(file, Integer.toString(p).getBytes(StandardCharsets.US_ASCII));
        percent = p;
    }

    /** What mpv plays an entry of this volume at. */
    public int apply(int entryVolume) {
        return Math.round(entryVolume * percent / 100f);
    }

    private static int clamp(int p) {
        return Math.max(0, Math.min(100, p));
    }
}
