package vn.bantin.agent.status;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;

/**
 * What the agent is doing, mirrored to {@code <state>/status.json} whenever it changes. The file is for
 * people and tools on the box; it is replaced atomically but not forced to disk, to spare the SD card.
 * It is written by a thread of its own, the latest state only: a change comes from the player thread right
 * between two items, and a file written there under load delayed the next start (a write took 12 ms p99,
 * 128 ms at worst on a loaded machine).
 */
public final class AgentStatus {

    private static final Logger LOG = Logger.getLogger(AgentStatus.class.getName());
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    public record NowPlaying(String entryId, String sha256, String mode, String clazz, long since) {
    }

    private final Path file;
    private final String deviceId;
    private NowPlaying nowPlaying;
    private Integer volume;
    private String timelineVersion;
    private int spooledRecords;
    private long clockOffsetMs;
    private String enrollment;
    private Long lastStartErrorMs;
    private Map<String, Object> lastQueued;
    private Map<String, Object> pending;
    private Thread writer;

    public AgentStatus(Path stateDir, String deviceId) {
        this.file = stateDir.resolve("status.json");
        this.deviceId = deviceId;
    }

    public synchronized void nowPlaying(NowPlaying playing, Integer volume) {
        this.nowPlaying = playing;
        this.volume = volume;
        write();
    }

    public synchronized void startError(long ms) {
        this.lastStartErrorMs = ms;
        write();
    }

    public synchronized void timelineVersion(String version) {
        this.timelineVersion = version;
        write();
    }

    public synchronized void spooledRecords(int count) {
        this.spooledRecords = count;
        write();
    }

    public synchronized void clockOffsetMs(long offset) {
        this.clockOffsetMs = offset;
        write();
    }

    public synchronized void enrollment(String status) {
        this.enrollment = status;
        write();
    }

    public synchronized NowPlaying nowPlaying() {
        return nowPlaying;
    }

    public synchronized Integer volume() {
        return volume;
    }

    private void write() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("deviceId", deviceId);
        s.put("enrollment", enrollment);
        s.put("timelineVersion", timelineVersion);
        s.put("nowPlaying", nowPlaying == null ? null : Map.of("entryId", nowPlaying.entryId(),
                "sha256", nowPlaying.sha256(), "mode", nowPlaying.mode(), "class", nowPlaying.clazz(),
                "since", nowPlaying.since()));
        s.put("volume", volume);
        s.put("spooledRecords", spooledRecords);
        s.put("clockOffsetMs", clockOffsetMs);
        s.put("lastStartErrorMs", lastStartErrorMs);
        if (s.equals(lastQueued)) {
            return;
        }
        lastQueued = s;
        pending = s;
        if (writer == null) {
            writer = new Thread(this::writeLoop, "status-writer");
            writer.setDaemon(true);
            writer.start();
        }
        notifyAll();
    }

    private void writeLoop() {
        while (true) {
            Map<String, Object> s;
            synchronized (this) {
                while (pending == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                s = pending;
                pending = null;
            }
            try {
                AtomicFiles.replaceUnsynced(file, WRITER.asBytes(s));
            } catch (IOException e) {
                LOG.warning("cannot write status: " + e.getMessage());
            }
        }
    }
}
