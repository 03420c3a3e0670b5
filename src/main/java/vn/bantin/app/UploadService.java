package vn.bantin.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.access.Actor;
import vn.bantin.media.SafeFileName;
import vn.bantin.store.Database;
import vn.bantin.store.UploadRepository;
import vn.bantin.store.UploadRepository.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Resumable uploads over a 3G link: create a session, PUT byte ranges (each must start at the current
 * offset, which is the size of the partial file), ask for the offset after a dropped connection, finish to
 * ingest the file exactly like a multipart upload. Sessions idle longer than {@link #ABANDONED_AFTER} are
 * removed with their bytes.
 */
public final class UploadService {

    public static final Duration ABANDONED_AFTER = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    private static final String PART = ".part";

    private final Database db;
    private final UploadRepository uploads;
    private final AssetService assets;
    private final Path dir;
    private final long maxBytes;
    private final Clock clock;
    private final AreaScope scope;

    public UploadService(Database db, UploadRepository uploads, AssetService assets, Path dir, long maxBytes,
                         Clock clock, AreaScope scope) {
        this.db = db;
        this.uploads = uploads;
        this.assets = assets;
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.scope = scope;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Session create(Actor actor, String name, Long totalBytes) {
        if (totalBytes != null && (totalBytes <= 0 || totalBytes > maxBytes)) {
            throw totalBytes <= 0 ? ApiException.badRequest("empty", "Tệp rỗng (0 byte) / The file is empty")
                    : tooLarge(totalBytes);
        }
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        Session s = new Session(id, name == null || name.isBlank() ? "untitled" : name, totalBytes, now, now,
                actor.areaId());
        try {
            Files.createDirectories(dir);
            Files.createFile(part(id));
        } catch (IOException e) {
            throw new ApiException(500, "store_failed", "Không tạo được tệp tạm / No temp file: " + e.getMessage());
        }
        db.tx(c -> {
            uploads.insert(c, s);
            return null;
        });
        return s;
    }

    /** The session, if the actor's scope holds the area of whoever started it; else 404. */
    public Session session(Actor actor, String id) {
        if (!validId(id)) {
            throw ApiException.notFound("phiên tải lên/upload", id);
        }
        return db.read(c -> {
            Session s = uploads.byId(c, id).orElseThrow(() -> ApiException.notFound("phiên tải lên/upload", id));
            AreaScope.requireVisible(scope.of(c, actor), s.areaId(), "phiên tải lên/upload", id);
            return s;
        });
    }

    /** Bytes received so far. */
    public long offset(Actor actor, String id) {
        session(actor, id);
        return size(id);
    }

    private long size(String id) {
        try {
            return Files.size(part(id));
        } catch (IOException e) {
            throw ApiException.notFound("phiên tải lên/upload", id);
        }
    }

    public Path part(String id) {
        return dir.resolve(id + PART);
    }

    /** Records activity, so a slow but living upload is not swept as abandoned. */
    public void touch(String id) {
        db.tx(c -> {
            uploads.touch(c, id, clock.millis());
            return null;
        });
    }

    public ApiException tooLarge(long bytes) {
        return new ApiException(413, "too_large", String.format("Tệp quá lớn: %.1f MB, giới hạn là %.1f MB"
                + " / The file is too large: %.1f MB, the limit is %.1f MB", bytes / 1e6, maxBytes / 1e6,
                bytes / 1e6, maxBytes / 1e6));
    }

    /** Ingests the complete file like a multipart upload; the session ends whether it is accepted or refused. */
    public AssetService.Uploaded finish(Actor actor, String id) {
        Session s = session(actor, id);
        long have = size(id);
        if (s.totalBytes() != null && have != s.totalBytes()) {
            throw new ApiException(409, "incomplete", "Tệp chưa tải lên hết: " + have + " / " + s.totalBytes()
                    + " byte / The upload is incomplete: " + have + " of " + s.totalBytes() + " bytes");
        }
        try {
            // the session's name is the file's name as the client had it (possibly with folders)
            return assets.upload(actor, part(id), SafeFileName.of(s.name()));
        } finally {
            discard(id);
        }
    }

    public void cancel(Actor actor, String id) {
        session(actor, id);
        discard(id);
    }

    /** Removes sessions idle past ABANDONED_AFTER and partial files with no session. Returns how many. */
    public int sweep() {
        long before = clock.millis() - ABANDONED_AFTER.toMillis();
        List<String> stale = db.read(c -> uploads.staleIds(c, before));
        stale.forEach(this::discard);
        Set<String> live = new HashSet<>(db.read(uploads::allIds));
        int orphans = 0;
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(PART) && !live.contains(n.substring(0, n.length() - PART.length()))) {
                        Files.deleteIfExists(f);
                        orphans++;
                    }
                }
            } catch (IOException e) {
                log.warn("could not sweep {}", dir, e);
            }
        }
        if (!stale.isEmpty() || orphans > 0) {
            log.info("removed {} abandoned upload(s) and {} orphaned partial file(s)", stale.size(), orphans);
        }
        return stale.size() + orphans;
    }

    private void discard(String id) {
        try {
            Files.deleteIfExists(part(id));
        } catch (IOException e) {
            log.warn("could not delete partial upload {}", id, e);
        }
        db.tx(c -> uploads.delete(c, id));
    }

    private static boolean validId(String id) {
        return id != null && id.matches("[0-9a-f-]{36}");
    }
}
