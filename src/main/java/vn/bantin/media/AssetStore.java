package vn.bantin.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Content-addressed media files: {@code <dataDir>/media/<aa>/<sha256>}, aa being the hash's first two hex
 * digits. A file appears there complete or not at all (atomic rename), and an upload that fails for any
 * reason leaves nothing behind: neither in the store nor its temp file. Blocking: call it on a worker thread.
 */
public final class AssetStore {

    private static final Logger log = LoggerFactory.getLogger(AssetStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String INCOMING = ".incoming";

    private final Path root;
    private final MediaProbe probe;

    public AssetStore(Path dataDir, MediaProbe probe) {
        this.root = dataDir.resolve("media");
        this.probe = probe;
    }

    /**
     * Checks, probes and stores tempFile, which is moved into the store or deleted: the caller never
     * has to clean up. displayName is kept as typed (see {@link DisplayName}); it never names a file.
     */
    public IngestResult ingest(Path tempFile, String displayName, long maxBytes) throws MediaRejected, IOException {
        try {
            long size = Files.size(tempFile);
            if (size == 0) {
                throw MediaRejected.empty();
            }
            if (size > maxBytes) {
                throw MediaRejected.tooLarge(size, maxBytes);
            }
            ProbeResult probed = probe.probe(tempFile);
            String sha256 = sha256AndSync(tempFile);
            boolean duplicate = !moveIntoPlace(tempFile, path(sha256));
            log.info("stored {} ({} bytes, {}{})", sha256, size, probed.kind(), duplicate ? ", duplicate" : "");
            return new IngestResult(sha256, size, probed, duplicate, DisplayName.of(displayName));
        } finally {
            deleteQuietly(tempFile);
        }
    }

    /** A file in the store: its hash and size. */
    public record Stored(String sha256, long sizeBytes) {
    }

    /**
     * Moves a finished file made by the controller itself (a rendition, a preview) into the store: hashed and
     * fsync'ed first, then renamed atomically, so a reader sees the whole file or none. The file is consumed.
     */
    public Stored put(Path file) throws IOException {
        try {
            long size = Files.size(file);
            String sha256 = sha256AndSync(file);
            moveIntoPlace(file, path(sha256));
            return new Stored(sha256, size);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Where the file with this hash lives (whether or not it exists). */
    public Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Removes a stored file whose database row could not be written. */
    public void discard(String sha256) {
        deleteQuietly(path(sha256));
    }

    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    /** Moves source to target unless target already exists; false means it did (a duplicate). */
    private boolean moveIntoPlace(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            moveAcrossFileSystems(source, target);
        }
        syncDirectory(target.getParent());
        return true;
    }

    /** The temp file is on another file system: copy next to the store first, then rename atomically. */
    private void moveAcrossFileSystems(Path source, Path target) throws IOException {
        Path incoming = Files.createDirectories(root.resolve(INCOMING));
        Path staged = Files.createTempFile(incoming, "upload-", ".part");
        try {
            Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Hashes the file and flushes it to disk, so a stored file survives a power cut after the rename. */
    private static String sha256AndSync(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (ch.read(buf) >= 0) {
                buf.flip();
                digest.update(buf);
                buf.clear();
            }
            ch.force(true);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Never lets a failed clean-up hide the reason the upload was refused. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete upload temp file {}", file, e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            log.debug("cannot fsync directory {} on this file system", dir, e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
