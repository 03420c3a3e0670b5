package vn.bantin.agent.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Crash-safe file replacement: temp file, fsync, rename, fsync of the directory. */
public final class AtomicFiles {

    private static final int SLICE = 64 * 1024;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, false, content);
    }

    /** The parts one after another, without joining them in memory first (a week's timeline is megabytes). */
    public static void write(Path target, byte[] head, byte[] body) throws IOException {
        write(target, false, head, body);
    }

    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, true, content);
    }

    /**
     * Replaces the file atomically but without waiting for the disk: for state that is rewritten often and
     * may be lost on power loss (status.json), so an SD card is not worn by it.
     */
    public static void replaceUnsynced(Path target, byte[] content) throws IOException {
        Path temp = target.toAbsolutePath().getParent().resolve("." + target.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(Path target, boolean ownerOnly, byte[]... parts) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (ownerOnly) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (byte[] part : parts) {
                // in slices: the JDK copies a heap buffer through a native one of the same size and keeps that
                // per thread, so one write of a week's timeline held 8 MB outside the heap for good
                for (int at = 0; at < part.length; at += SLICE) {
                    ByteBuffer buf = ByteBuffer.wrap(part, at, Math.min(SLICE, part.length - at));
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
            }
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /** Makes a rename or delete in {@code dir} survive power loss. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
