package vn.bantin.agent.sync;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.status.SinceLastHeartbeat;

/** The body of one heartbeat (contract: heartbeat), and what it carried, to be marked told once answered. */
public final class HeartbeatFacts {

    private static final Path THERMAL = Path.of("/sys/class/thermal/thermal_zone0/temp");
    private static final Path UPTIME = Path.of("/proc/uptime");

    /** What the agent can tell, from the parts that know it. */
    public record Sources(AgentClock clock, AgentStatus status, TimelineStore store, MediaCache cache,
                          RecordSpool spool, Faults faults, SinceLastHeartbeat since, Supplier<String> mpvState,
                          Supplier<Integer> masterVolume, Path stateDir) {
    }

    /** One heartbeat's body, with the happenings it reports. */
    public record Beat(Map<String, Object> body, List<Faults.Fault> faults, SinceLastHeartbeat.Snapshot counts) {
    }

    private HeartbeatFacts() {
    }

    public static Beat collect(Sources s) {
        long now = s.clock().now();
        Timeline timeline = s.store().current();
        AgentStatus.NowPlaying playing = s.status().nowPlaying();
        List<Faults.Fault> faults = s.faults().snapshot();
        SinceLastHeartbeat.Snapshot counts = s.since().snapshot(now);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("agentTime", now);
        b.put("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime());
        b.put("bootedAt", bootedAt(s.clock()));
        disk(b, s.stateDir());
        b.put("cacheBytes", s.cache().bytes());
        b.put("timelineVersion", timeline == null ? null : timeline.version());
        b.put("timelineSerial", timeline == null ? null : timeline.serial());
        b.put("nowPlaying", playing == null ? null : nowPlaying(playing));
        b.put("volume", s.status().volume() == null ? 0 : s.status().volume()); // an integer 0-100; 0 when idle
        b.put("masterVolume", s.masterVolume().get());
        b.put("temperatureC", temperature());
        b.put("version", Enrollment.VERSION);
        b.put("clockOffsetMs", s.clock().offsetMs());
        b.put("spooledRecords", s.spool().count());
        b.put("mpv", s.mpvState().get());
        b.put("sinceLastHeartbeat", counts.toJson());
        b.put("faults", faults.stream().map(Faults.Fault::toJson).toList());
        return new Beat(b, faults, counts);
    }

    private static Map<String, Object> nowPlaying(AgentStatus.NowPlaying p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entryId", p.entryId());
        m.put("sha256", p.sha256());
        m.put("class", p.clazz());
        m.put("since", p.since());
        return m;
    }

    private static void disk(Map<String, Object> b, Path stateDir) {
        long free = 0;
        long total = 0;
        try {
            FileStore store = Files.getFileStore(stateDir);
            free = store.getUsableSpace();
            total = store.getTotalSpace();
        } catch (IOException e) {
            // a disk we cannot even ask is reported as empty; the faults say why writes fail
        }
        b.put("diskFreeBytes", free);
        b.put("diskTotalBytes", total);
    }

    /** When the machine booted, in controller time; null where /proc/uptime is not there. */
    private static Long bootedAt(AgentClock clock) {
        try {
            String first = Files.readString(UPTIME, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
            return clock.now() - Math.round(Double.parseDouble(first) * 1000);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Double temperature() {
        try {
            return Long.parseLong(Files.readString(THERMAL, StandardCharsets.US_ASCII).trim()) / 1000.0;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
