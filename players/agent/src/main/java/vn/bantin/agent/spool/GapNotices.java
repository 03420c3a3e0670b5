package vn.bantin.agent.spool;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.io.AtomicFiles;

/**
 * The device's signed gap notices (contract: gap notices) waiting to be uploaded: one file each, written and
 * fsync'ed before anything relies on it, deleted only once an acknowledgement lists its hash. A notice says
 * why seqs of this device's chain will never arrive: {@code TORN} (the spooled record could not be read
 * back) or {@code REFUSED} (the controller refused it as invalid; the record is kept aside).
 */
public final class GapNotices {

    public enum Cause { TORN, REFUSED }

    /** A notice as stored and sent: its payload string exactly as signed, and the signature. */
    public record Notice(String payload, String sig) {
        public String hash() {
            return Hashes.sha256Hex(payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final int MAX_DETAIL_CHARS = 1000;
    private static final String SUFFIX = ".json";
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private final Path dir;
    private final DeviceKeys keys;
    private final LongSupplier clock;

    public GapNotices(Path dir, DeviceKeys keys, LongSupplier clock) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.keys = keys;
        this.clock = clock;
    }

    /** Writes a signed notice for seqs {@code firstSeq..lastSeq}; returns it. */
    public synchronized Notice note(long firstSeq, long lastSeq, Cause cause, String detail) throws IOException {
        String payload = payload(firstSeq, lastSeq, cause, detail, clock.getAsLong());
        Notice notice = new Notice(payload, keys.signBase64(payload.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("payload", notice.payload());
        file.put("sig", notice.sig());
        AtomicFiles.write(dir.resolve(firstSeq + "-" + lastSeq + "-" + notice.hash() + SUFFIX), JSON.std.asBytes(file));
        return notice;
    }

    /** The payload exactly as signed, fields in the contract's order. */
    public String payload(long firstSeq, long lastSeq, Cause cause, String detail, long notedAt) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "gap-notice");
        p.put("deviceId", keys.deviceId());
        p.put("firstSeq", firstSeq);
        p.put("lastSeq", lastSeq);
        p.put("cause", cause.name());
        p.put("detail", detail == null || detail.length() <= MAX_DETAIL_CHARS ? detail
                : detail.substring(0, MAX_DETAIL_CHARS));
        p.put("notedAt", notedAt);
        return WRITER.asString(p);
    }

    /** Up to {@code limit} notices not yet acknowledged, by first seq. */
    public synchronized List<Notice> pending(int limit) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            stream.forEach(files::add);
        }
        files.sort((a, b) -> Long.compare(firstSeq(a), firstSeq(b)));
        List<Notice> out = new ArrayList<>();
        for (Path file : files.subList(0, Math.min(limit, files.size()))) {
            Map<String, Object> content = JSON.std.mapFrom(Files.readAllBytes(file));
            out.add(new Notice((String) content.get("payload"), (String) content.get("sig")));
        }
        return out;
    }

    /** Deletes the notices whose hashes a verified acknowledgement lists; returns how many. */
    public synchronized int acknowledge(Collection<String> hashes) throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                String hash = name.substring(name.lastIndexOf('-') + 1, name.length() - SUFFIX.length());
                if (hashes.contains(hash)) {
                    Files.delete(file);
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            AtomicFiles.syncDirectory(dir);
        }
        return deleted;
    }

    public synchronized int count() throws IOException {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            int n = 0;
            for (Path ignored : stream) {
                n++;
            }
            return n;
        }
    }

    private static long firstSeq(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('-')));
    }
}
