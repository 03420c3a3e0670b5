package vn.bantin.agent.playback;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;

/**
 * The no-replay state: for each entry the latest item occurrence that is over (played, failed, missed
 * or cut at its end), and the controller time up to which the timeline has been worked through. Nothing
 * before that time is played again, even when the clock reads earlier after a restart; ONCE entries in
 * between that have no record yet are reported missed. It is rebuilt at start from this file and the
 * spool's records, and written before the spool deletes records the controller acknowledged.
 */
public final class PlayedLog {

    private static final Logger LOG = Logger.getLogger(PlayedLog.class.getName());
    private static final long KEEP_MS = 2L * 24 * 3600 * 1000;
    private static final String FILE = "played.json";

    private final Path file;
    private final Map<String, Long> doneUntil = new LinkedHashMap<>();
    private long workedUntil;

    private PlayedLog(Path file) {
        this.file = file;
    }

    /** A record read back from the spool: its entry, when its item was due, and when it started and stopped. */
    public record Recorded(String entryId, long scheduledStart, Long actualStart, Long actualEnd) {

        /**
         * The spool keeps no scheduled end, and the actual end of an item that started late lands inside the
         * next entry's time (mpv's end of file comes ~40 ms after the slot): the span played, moved back to when
         * it was due, is what the record worked through, as {@link Recorder} counts it while running. Where
         * the start was late for another reason (joined mid-window) this is earlier than the truth, the safe
         * side: what ran in between has its own record, and that keeps it from playing again.
         */
        long workedThrough() {
            if (actualEnd == null) {
                return scheduledStart;
            }
            long late = actualStart == null ? 0 : Math.max(0, actualStart - scheduledStart);
            return Math.max(scheduledStart, actualEnd - late);
        }
    }

    public static PlayedLog load(Path stateDir, Iterable<Recorded> spooled) {
        PlayedLog log = new PlayedLog(stateDir.resolve(FILE));
        if (Files.exists(log.file)) {
            try {
                Map<String, Object> saved = JSON.std.mapFrom(Files.readAllBytes(log.file));
                log.workedUntil = ((Number) saved.getOrDefault("workedUntil", 0)).longValue();
                Object done = saved.get("doneUntil");
                if (done instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> log.doneUntil.put(String.valueOf(k), ((Number) v).longValue()));
                }
            } catch (IOException | RuntimeException e) {
                LOG.warning("no-replay state unreadable, rebuilt from the spool: " + e.getMessage());
            }
        }
        for (Recorded r : spooled) {
            log.doneUntil.merge(r.entryId(), r.scheduledStart(), Math::max);
            log.workedUntil = Math.max(log.workedUntil, r.workedThrough());
        }
        return log;
    }

    /** The spool's record payloads as {@link Recorded}s; a payload that does not parse is left out. */
    public static java.util.List<Recorded> fromPayloads(Iterable<String> payloads) {
        java.util.List<Recorded> out = new java.util.ArrayList<>();
        for (String payload : payloads) {
            try {
                Map<String, Object> p = JSON.std.mapFrom(payload);
                Object entry = p.get("entryId");
                if (entry != null && p.get("scheduledStart") instanceof Number start) {
                    out.add(new Recorded(entry.toString(), start.longValue(), longOrNull(p.get("actualStart")),
                            longOrNull(p.get("actualEnd"))));
                }
            } catch (IOException e) {
                LOG.warning("spooled record unreadable for the no-replay state: " + e.getMessage());
            }
        }
        return out;
    }

    private static Long longOrNull(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    public synchronized boolean isDone(Segment seg) {
        Long until = doneUntil.get(seg.entry().id());
        return until != null && seg.itemStart() <= until;
    }

    public synchronized void markDone(Segment seg) {
        doneUntil.merge(seg.entry().id(), seg.itemStart(), Math::max);
    }

    /** Controller time up to which the timeline was worked through; 0 before the first timeline. */
    public synchronized long workedUntil() {
        return workedUntil;
    }

    public synchronized void workedUntil(long t) {
        workedUntil = Math.max(workedUntil, t);
    }

    /** Writes the state durably, forgetting entries over for two days. */
    public void persist() throws IOException {
        byte[] bytes;
        synchronized (this) {
            doneUntil.values().removeIf(t -> t < workedUntil - KEEP_MS);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("workedUntil", workedUntil);
            out.put("doneUntil", new LinkedHashMap<>(doneUntil));
            bytes = JSON.std.asBytes(out);
        }
        AtomicFiles.write(file, bytes);
    }
}
