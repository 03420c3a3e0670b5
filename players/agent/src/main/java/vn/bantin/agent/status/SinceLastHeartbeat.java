package vn.bantin.agent.status;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;

/**
 * What happened between two delivered heartbeats and must reach the controller even across restarts:
 * machine reboots (a new kernel boot id), agent starts, and losses of the link to the controller (how
 * many, how long). Counts are taken away only once a heartbeat carrying them was answered.
 */
public final class SinceLastHeartbeat {

    private static final Logger LOG = Logger.getLogger(SinceLastHeartbeat.class.getName());
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    public record Snapshot(int reboots, int restarts, int linkLosses, long linkLossMs) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reboots", reboots);
            m.put("restarts", restarts);
            m.put("count", linkLosses);
            m.put("ms", linkLossMs);
            return m;
        }
    }

    private final Path file;
    private String bootId;
    private int reboots;
    private int restarts;
    private int linkLosses;
    private long linkLossMs;
    private Long downSince;

    private SinceLastHeartbeat(Path file) {
        this.file = file;
    }

    /** Reads what was not delivered yet and counts this start (and a reboot, if the boot id changed). */
    public static SinceLastHeartbeat open(Path stateDir) {
        SinceLastHeartbeat s = new SinceLastHeartbeat(stateDir.resolve("since-last-heartbeat.json"));
        String currentBoot = readBootId();
        try {
            if (Files.exists(s.file)) {
                Map<String, Object> saved = JSON.std.mapFrom(Files.readAllBytes(s.file));
                s.bootId = (String) saved.get("bootId");
                s.reboots = ((Number) saved.getOrDefault("reboots", 0)).intValue();
                s.restarts = ((Number) saved.getOrDefault("restarts", 0)).intValue();
                s.linkLosses = ((Number) saved.getOrDefault("linkLosses", 0)).intValue();
                s.linkLossMs = ((Number) saved.getOrDefault("linkLossMs", 0)).longValue();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning("undelivered heartbeat counts unreadable, starting from zero: " + e.getMessage());
        }
        if (s.bootId != null && currentBoot != null && !currentBoot.equals(s.bootId)) {
            s.reboots++;
        }
        s.bootId = currentBoot;
        s.restarts++;
        s.save();
        return s;
    }

    public synchronized void linkDown(long now) {
        if (downSince == null) {
            downSince = now;
            linkLosses++;
        }
    }

    /** A call got through; true when the link had been down until now. */
    public synchronized boolean linkUp(long now) {
        if (downSince == null) {
            return false;
        }
        linkLossMs += Math.max(0, now - downSince);
        downSince = null;
        save();
        return true;
    }

    public synchronized Snapshot snapshot(long now) {
        long ongoing = downSince == null ? 0 : Math.max(0, now - downSince);
        return new Snapshot(reboots, restarts, linkLosses, linkLossMs + ongoing);
    }

    /** A heartbeat carrying {@code s} was answered (so the link is up): those counts are told. */
    public synchronized void delivered(Snapshot s) {
        reboots -= s.reboots();
        restarts -= s.restarts();
        linkLosses -= s.linkLosses();
        linkLossMs = Math.max(0, linkLossMs - s.linkLossMs());
        save();
    }

    private void save() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bootId", bootId);
        m.put("reboots", reboots);
        m.put("restarts", restarts);
        m.put("linkLosses", linkLosses);
        m.put("linkLossMs", linkLossMs);
        try {
            AtomicFiles.write(file, JSON.std.asBytes(m));
        } catch (IOException e) {
            LOG.warning("cannot save undelivered heartbeat counts: " + e.getMessage());
        }
    }

    private static String readBootId() {
        try {
            return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
