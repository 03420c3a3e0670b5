package vn.bantin.agent.spool;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.io.AtomicFiles;

/**
 * Durable, hash-chained, signed play records: one file {@code <seq>.json} per record, written and fsync'ed,
 * deleted only once a verified acknowledgement covers its sequence number. The file {@code last} holds the
 * last sequence number and hash so the chain continues after deletions. A record the controller refused as
 * invalid is moved to {@code refused/} and kept there, never deleted.
 * <p>
 * A record that cannot be written (disk full) is kept in memory, uploaded from there, and written again on
 * every append and {@link #retryWrites()} until the disk takes it; {@link WriteHealth} hears when writing
 * stops and starts working. A record file that cannot be read back at start (torn by a power cut) is left
 * out of the queue and listed by {@link #tornSeqs()} so a gap notice can say so; its seq is never reused.
 */
public final class RecordSpool {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final String LAST_FILE = "last";
    private static final String SUFFIX = ".json";
    private static final String REFUSED_DIR = "refused";
    private static final String TORN_DIR = "torn";

    /** A record file that could not be read back: why, and when it was last written (system time, ms). */
    public record Torn(String why, long writtenAt) {
    }

    /** Hears whether records reach the disk. */
    public interface WriteHealth {
        default void failing(int recordsInMemory, IOException cause) {
        }

        default void recovered() {
        }
    }

    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private final Path dir;
    private final DeviceKeys keys;
    private final TreeSet<Long> spooled = new TreeSet<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeDelete = new CopyOnWriteArrayList<>();
    private final TreeMap<Long, SpooledRecord> unwritten = new TreeMap<>();
    private final TreeMap<Long, Torn> torn = new TreeMap<>();
    private WriteHealth health = new WriteHealth() { };
    private boolean lastStale;
    private boolean failing;
    private long lastSeq;
    private String lastHash;

    private RecordSpool(Path dir, DeviceKeys keys) {
        this.dir = dir;
        this.keys = keys;
    }

    public static RecordSpool open(Path dir, DeviceKeys keys) throws IOException {
        Files.createDirectories(dir);
        RecordSpool spool = new RecordSpool(dir, keys);
        spool.recover();
        return spool;
    }

    private void recover() throws IOException {
        Path last = dir.resolve(LAST_FILE);
        lastSeq = 0;
        lastHash = GENESIS_HASH;
        if (Files.exists(last)) {
            String[] parts = Files.readString(last, StandardCharsets.UTF_8).trim().split(" ");
            lastSeq = Long.parseLong(parts[0]);
            lastHash = parts[1];
        }
        TreeSet<Long> onDisk = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String digits = name.substring(0, name.length() - SUFFIX.length());
                if (digits.chars().allMatch(Character::isDigit) && !digits.isEmpty()) {
                    onDisk.add(Long.parseLong(digits));
                }
            }
        }
        for (long seq : onDisk) {
            try {
                read(seq);
                spooled.add(seq);
            } catch (IOException | RuntimeException e) {
                torn.put(seq, new Torn(String.valueOf(e.getMessage()), Files.getLastModifiedTime(fileOf(seq)).toMillis()));
            }
        }
        // A crash between writing a record and updating "last": the record is on disk, so the chain goes on
        // from it. A torn one there keeps its seq taken (it may have been uploaded before the cut); the link
        // after it cannot be made, which the gap notice explains.
        long head = onDisk.isEmpty() ? lastSeq : Math.max(lastSeq, onDisk.last());
        for (long seq = lastSeq + 1; seq <= head; seq++) {
            if (spooled.contains(seq)) {
                lastHash = ChainHash.of(read(seq));
            }
        }
        if (head > lastSeq) {
            lastSeq = head;
            writeLast();
        }
    }

    /** Signs and chains the record; it is written to disk now or, when the disk refuses, kept until it can be. */
    public synchronized SpooledRecord append(PlayRecord record) throws IOException {
        long seq = lastSeq + 1;
        String payload = payload(record, seq, lastHash);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        SpooledRecord spooledRecord = new SpooledRecord(seq, payload, keys.signBase64(payloadBytes));
        lastSeq = seq;
        lastHash = ChainHash.signed(payload, spooledRecord.sig());
        lastStale = true;
        spooled.add(seq);
        unwritten.put(seq, spooledRecord);
        retryWrites();
        listeners.forEach(Runnable::run);
        return spooledRecord;
    }

    /** Writes the records held in memory, oldest first, and then {@code last}; stops at the first refusal. */
    public synchronized void retryWrites() {
        try {
            while (!unwritten.isEmpty()) {
                SpooledRecord r = unwritten.firstEntry().getValue();
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("payload", r.payload());
                file.put("sig", r.sig());
                AtomicFiles.write(fileOf(r.seq()), JSON.std.asBytes(file));
                unwritten.pollFirstEntry();
            }
            if (lastStale) {
                writeLast();
                lastStale = false;
            }
            if (failing) {
                failing = false;
                health.recovered();
            }
        } catch (IOException e) {
            failing = true;
            health.failing(unwritten.size(), e);
        }
    }

    /** Records signed but only in memory, waiting for the disk. */
    public synchronized int inMemory() {
        return unwritten.size();
    }

    public synchronized void reportWritesTo(WriteHealth health) {
        this.health = health;
    }

    /** Seqs whose file could not be read back at start; their files are still in the spool. */
    public synchronized Map<Long, Torn> tornSeqs() {
        return new TreeMap<>(torn);
    }

    /** Moves a torn record's file into {@code torn/} once a gap notice explains it; kept, never deleted. */
    public synchronized void setTornAside(long seq) throws IOException {
        if (torn.remove(seq) == null) {
            return;
        }
        Path aside = Files.createDirectories(dir.resolve(TORN_DIR));
        Files.move(fileOf(seq), aside.resolve(seq + SUFFIX), StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.syncDirectory(aside);
        AtomicFiles.syncDirectory(dir);
    }

    private String payload(PlayRecord r, long seq, String prevHash) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("deviceId", keys.deviceId());
        p.put("seq", seq);
        p.put("prevHash", prevHash);
        p.put("entryId", r.entryId());
        p.put("campaignId", r.campaignId());
        p.put("class", r.clazz());
        p.put("mode", r.mode());
        p.put("sha256", r.sha256());
        p.put("scheduledStart", r.scheduledStart());
        p.put("actualStart", r.actualStart());
        p.put("actualEnd", r.actualEnd());
        p.put("outcome", r.outcome().name());
        p.put("reason", r.reason());
        p.put("clockOffsetMs", r.clockOffsetMs());
        p.put("timelineVersion", r.timelineVersion());
        if (r.relay() != null) {
            p.put("onAirMs", r.relay().onAirMs());
            p.put("gaps", r.relay().gaps().stream().map(g -> {
                Map<String, Object> gap = new LinkedHashMap<>();
                gap.put("from", g.from());
                gap.put("to", g.to());
                gap.put("reason", g.reason());
                gap.put("fallback", g.fallback());
                return gap;
            }).toList());
        }
        p.put("chain", ChainHash.RULE);
        return WRITER.asString(p);
    }

    private void writeLast() throws IOException {
        AtomicFiles.write(dir.resolve(LAST_FILE), (lastSeq + " " + lastHash + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Up to {@code limit} records, oldest first, those still only in memory included. */
    public synchronized List<SpooledRecord> oldest(int limit) throws IOException {
        List<SpooledRecord> out = new ArrayList<>();
        for (long seq : spooled) {
            if (out.size() == limit) {
                break;
            }
            SpooledRecord held = unwritten.get(seq);
            out.add(held != null ? held : read(seq));
        }
        return out;
    }

    /** Deletes these spooled records: only ever the ones a verified acknowledgement covers. */
    public synchronized int acknowledge(Collection<Long> seqs) throws IOException {
        if (seqs.stream().anyMatch(spooled::contains)) {
            beforeDelete.forEach(Runnable::run);
        }
        int deleted = 0;
        for (long seq : seqs) {
            if (spooled.remove(seq)) {
                if (unwritten.remove(seq) == null) {
                    Files.deleteIfExists(fileOf(seq));
                }
                deleted++;
            }
        }
        if (deleted > 0) {
            AtomicFiles.syncDirectory(dir);
            listeners.forEach(Runnable::run);
        }
        return deleted;
    }

    /**
     * Moves a record the controller refused as invalid out of the upload queue into {@code refused/}, with
     * the refusal beside it ({@code <seq>.refusal}). It is kept there: it is still this device's testimony.
     */
    public synchronized void setAside(long seq, String refusal) throws IOException {
        if (!spooled.contains(seq)) {
            return;
        }
        retryWrites();
        Path aside = Files.createDirectories(dir.resolve(REFUSED_DIR));
        AtomicFiles.write(aside.resolve(seq + ".refusal"), (refusal + "\n").getBytes(StandardCharsets.UTF_8));
        Files.move(fileOf(seq), aside.resolve(seq + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncDirectory(aside);
        AtomicFiles.syncDirectory(dir);
        spooled.remove(seq);
        listeners.forEach(Runnable::run);
    }

    /** The records set aside as refused, by seq. */
    public synchronized List<Long> refusedSeqs() throws IOException {
        Path aside = dir.resolve(REFUSED_DIR);
        List<Long> out = new ArrayList<>();
        if (Files.isDirectory(aside)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(aside, "*" + SUFFIX)) {
                files.forEach(f -> out.add(Long.parseLong(f.getFileName().toString().replace(SUFFIX, ""))));
            }
        }
        out.sort(Long::compare);
        return out;
    }

    public String deviceId() {
        return keys.deviceId();
    }

    public synchronized int count() {
        return spooled.size();
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    public synchronized String lastHash() {
        return lastHash;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Runs before acknowledged records are deleted: state drawn from them must be saved first. */
    public void beforeDelete(Runnable listener) {
        beforeDelete.add(listener);
    }

    private SpooledRecord read(long seq) throws IOException {
        Map<String, Object> file = JSON.std.mapFrom(Files.readAllBytes(fileOf(seq)));
        if (file == null || !(file.get("payload") instanceof String payload) || !(file.get("sig") instanceof String sig)) {
            throw new IOException("record file " + seq + SUFFIX + " lacks its payload or signature");
        }
        return new SpooledRecord(seq, payload, sig);
    }

    private Path fileOf(long seq) {
        return dir.resolve(seq + SUFFIX);
    }
}
