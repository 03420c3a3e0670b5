package vn.bantin.agent.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.io.AtomicFiles;

/**
 * Media by SHA-256: downloaded ahead of time to {@code <sha>.part} (resumed with Range), checked,
 * then moved into place atomically. Only complete, verified files carry the bare hash as name.
 */
public final class MediaCache {

    private static final Logger LOG = Logger.getLogger(MediaCache.class.getName());
    private static final String PART = ".part";

    private final Path dir;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public MediaCache(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    /** Called after each file that arrived in the cache. */
    public void onCached(Runnable listener) {
        listeners.add(listener);
    }

    /** The cached file, or null when it is not (yet) here. */
    public Path file(String sha256) {
        Path file = dir.resolve(sha256);
        return Files.isRegularFile(file) ? file : null;
    }

    /** Fetches every item of the timeline not yet cached, soonest first; returns how many are still missing. */
    public int prefetch(Timeline timeline, long now, ControllerClient client) throws InterruptedException {
        Map<String, Timeline.Item> needed = new LinkedHashMap<>();
        for (Timeline.Entry e : timeline.entries()) {
            if (e.end() > now) {
                e.items().forEach(i -> needed.putIfAbsent(i.sha256(), i));
            }
        }
        int missing = 0;
        for (Timeline.Item item : needed.values()) {
            if (file(item.sha256()) != null) {
                continue;
            }
            try {
                download(item, client);
            } catch (IOException e) {
                missing++;
                LOG.warning("media " + item.sha256() + " not fetched: " + e.getMessage());
            }
        }
        return missing;
    }

    void download(Timeline.Item item, ControllerClient client) throws IOException, InterruptedException {
        Path part = dir.resolve(item.sha256() + PART);
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > item.size()) {
            Files.delete(part);
            have = 0;
        }
        if (have < item.size()) {
            if (have > 0) {
                LOG.info("media " + item.sha256() + ": resuming the download from byte " + have);
            }
            Map<String, String> headers = have > 0 ? Map.of("Range", "bytes=" + have + "-") : Map.of();
            HttpResponse<InputStream> response = client.get(item.url(), headers, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status == 416) {
                    Files.deleteIfExists(part);
                    throw new IOException("range refused; starting over next time");
                }
                if (status != 200 && status != 206) {
                    throw new IOException("HTTP " + status);
                }
                boolean append = status == 206;
                try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                }
            }
        }
        String actual = sha256Of(part);
        if (!actual.equals(item.sha256())) {
            Files.delete(part);
            throw new IOException("hash mismatch (got " + actual + "); discarded");
        }
        AtomicFiles.fsync(part);
        Files.move(part, dir.resolve(item.sha256()), StandardCopyOption.ATOMIC_MOVE);
        AtomicFiles.syncDirectory(dir);
        LOG.info("media " + item.sha256() + " cached (" + item.size() + " bytes)");
        listeners.forEach(Runnable::run);
    }

    /** Deletes cached and partial files no entry of the timeline refers to. */
    public void prune(Timeline timeline) throws IOException {
        Set<String> keep = new HashSet<>();
        timeline.entries().forEach(e -> e.items().forEach(i -> keep.add(i.sha256())));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String sha = name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
                if (!keep.contains(sha)) {
                    Files.deleteIfExists(f);
                    LOG.info("pruned media " + name);
                }
            }
        }
    }

    public long bytes() {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                total += Files.size(f);
            }
        } catch (IOException e) {
            LOG.fine("cannot size cache: " + e.getMessage());
        }
        return total;
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest digest = Hashes.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
